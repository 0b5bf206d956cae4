// name: list_upcoming_events
// mode: read
// params: now, limit
// returns: the next events, soonest first, with their organisers' names; drafts are left out
//          (the start page is for what will take place; drafts are on /veranstaltungen)
MATCH (e:Event)
WHERE e.starts_at >= $now AND coalesce(e.status, 'published') <> 'draft'
OPTIONAL MATCH (e)-[o:ORGANISED_BY]->(a:Actor)
WHERE coalesce(o.role, 'organiser') = 'organiser'
// ordered before collect: otherwise each engine collects in its own order
WITH e, a ORDER BY a.name
WITH e, collect(a.name) AS organisers
RETURN e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.venue AS venue,
       e.ends_at AS ends_at, e.all_day AS all_day, e.status AS status, organisers
ORDER BY starts_at, name, uid
LIMIT $limit
