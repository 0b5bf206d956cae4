// name: is_event_organiser
// mode: read
// cache: stable (accounts and ORGANISES only: registrations do not retire it)
// params: event, user
// returns: one row when the account organises the event (the per-object check)
MATCH (:User {uid: $user})-[:ORGANISES]->(e:Event {uid: $event})
RETURN e.uid AS uid
