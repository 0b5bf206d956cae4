// name: list_managed_events
// mode: read
// params: user, all
// returns: the events whose registrations the account manages ($all: every event), newest first,
//          with their counts
MATCH (e:Event)
OPTIONAL MATCH (u:User {uid: $user})-[:ORGANISES]->(e)
WITH e, u
WHERE $all OR u IS NOT NULL
OPTIONAL MATCH (e)<-[:FOR]-(r:Registration)
RETURN e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.capacity AS capacity,
       e.status AS status, e.visibility AS visibility,
       sum(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted
ORDER BY starts_at DESC, uid
