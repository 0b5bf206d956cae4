// name: list_invitations
// mode: read
// params: event
// returns: the event's invitations and their state (sent, opened, registered, declined)
MATCH (i:Invitation)-[:FOR]->(:Event {uid: $event})
RETURN i.uid AS uid, i.name AS name, i.email AS email, i.status AS status,
       i.created_at AS created_at, i.opened_at AS opened_at
ORDER BY i.created_at, i.uid
