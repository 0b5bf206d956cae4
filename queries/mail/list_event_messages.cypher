// name: list_event_messages
// mode: read
// params: event
// returns: the outbox messages of one event, newest first (at most 500), each with to_person:
//          true when it goes to a person of the register (an invitation from the network),
//          whose address only viewers with contacts.read may see
MATCH (m:Message {event_uid: $event})
OPTIONAL MATCH (m)-[:ABOUT]->(:Invitation)-[:TO]->(p:Person)
WITH m, count(p) AS people
RETURN m AS message, people > 0 AS to_person
ORDER BY m.created_at DESC, m.uid
LIMIT 500
