// name: list_event_organisers
// mode: read
// params: event
// returns: the accounts that organise the event
MATCH (u:User)-[:ORGANISES]->(:Event {uid: $event})
RETURN u.uid AS uid, u.name AS name, u.email AS email, u.role AS role
ORDER BY u.name, u.uid
