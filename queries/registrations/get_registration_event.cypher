// name: get_registration_event
// mode: read
// params: event
// returns: the event and how many are confirmed and waitlisted
MATCH (e:Event {uid: $event})
OPTIONAL MATCH (e)<-[:FOR]-(r:Registration)
RETURN e AS event,
       sum(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted
