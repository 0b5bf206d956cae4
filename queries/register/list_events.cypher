// name: list_events
// mode: read
// params: q, field, order, descending, skip, limit
// returns: one row per Event on the page, each with the total number of matches (two passes: count,
//          then one ordered page); the register's view of events (API, exports): every event, whatever
//          its visibility, for logged-in users; the public pages use events/list_events
MATCH (n:Event)
WHERE ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR $field IN coalesce(n.fields, []))
WITH count(n) AS total
MATCH (n:Event)
WHERE ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR $field IN coalesce(n.fields, []))
WITH total, n, CASE $order WHEN 'updated' THEN coalesce(n.updated_at, '') ELSE coalesce(n.name_key, '') END AS key
ORDER BY CASE WHEN $descending THEN '' ELSE key END, CASE WHEN $descending THEN key ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       [(n)-[:ORGANISED_BY]->(a:Actor) | a.name] AS organisers,
       [(n)-[:IN]->(d:District) | d.name] AS districts
