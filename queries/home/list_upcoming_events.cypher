// name: list_upcoming_events
// mode: read
// params: now, limit
// returns: the next events, soonest first, with their organisers' names
MATCH (e:Event)
WHERE e.starts_at >= $now
OPTIONAL MATCH (e)-[:ORGANISED_BY]->(a:Actor)
// ordered before collect: otherwise each engine collects in its own order
WITH e, a ORDER BY a.name
WITH e, collect(a.name) AS organisers
RETURN e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.venue AS venue,
       organisers
ORDER BY starts_at, name, uid
LIMIT $limit
