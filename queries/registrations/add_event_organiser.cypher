// name: add_event_organiser
// mode: write
// params: event, email, now
// returns: one row when an account with an organiser role (or higher) now organises the event
MATCH (e:Event {uid: $event})
MATCH (u:User {email: $email})
WHERE u.role IN ['organiser', 'coordinator', 'admin']
MERGE (u)-[o:ORGANISES]->(e)
ON CREATE SET o.since = $now
RETURN u.uid AS uid
