// name: list_invitations
// mode: read
// params: event
// returns: the event's invitations and their state (sent, opened, registered, declined);
//          person: the Person it went to when it was sent from the graph
MATCH (i:Invitation)-[:FOR]->(:Event {uid: $event})
OPTIONAL MATCH (i)-[:TO]->(p:Person)
RETURN i.uid AS uid, p.uid AS person, i.name AS name, i.email AS email, i.status AS status,
       i.created_at AS created_at, i.opened_at AS opened_at
ORDER BY i.created_at, i.uid
