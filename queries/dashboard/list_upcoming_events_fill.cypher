// name: list_upcoming_events_fill
// mode: read
// params: now, limit
// returns: the next published events (at most `limit`, soonest first) with their capacity
//          (null: unlimited) and the number of confirmed and waitlisted registrations
MATCH (e:Event)
WHERE e.starts_at >= $now AND e.status = 'published'
WITH e
ORDER BY e.starts_at, e.uid
LIMIT $limit
OPTIONAL MATCH (e)<-[:FOR]-(r:Registration)
WITH e, sum(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,
     sum(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted
RETURN e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.capacity AS capacity, confirmed, waitlisted
ORDER BY starts_at, uid
