// name: list_events
// mode: read
// params: now, past, q, field, within, visibilities, statuses, skip, limit
// within: the uids a district or organiser filter allows (register/list_uids_in_area, list_organised_uids), or null
// returns: one row per Event on the page, each with the total number of matches: upcoming ones
//          (not yet ended: ends_at, else starts_at, at or after now) soonest first, or past ones
//          latest first; only the visibilities and statuses the viewer may see; with the names of
//          their organisers and districts
MATCH (n:Event)
WHERE (coalesce(n.ends_at, n.starts_at) < $now) = $past
  AND n.visibility IN $visibilities AND n.status IN $statuses
  AND ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR $field IN coalesce(n.fields, []))
  AND ($within IS NULL OR n.uid IN $within)
WITH count(n) AS total
MATCH (n:Event)
WHERE (coalesce(n.ends_at, n.starts_at) < $now) = $past
  AND n.visibility IN $visibilities AND n.status IN $statuses
  AND ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR $field IN coalesce(n.fields, []))
  AND ($within IS NULL OR n.uid IN $within)
WITH total, n
ORDER BY CASE WHEN $past THEN '' ELSE n.starts_at END, CASE WHEN $past THEN n.starts_at ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       [(n)-[:ORGANISED_BY]->(a:Actor) | a.name] AS organisers,
       [(n)-[:IN]->(d:District) | d.name] AS districts
