// name: list_offers
// mode: read
// params: q, field, language, target_group, weekday, status, order, descending, skip, limit
// returns: one row per Offer on the page, each with the total number of matches (two passes: count, then one ordered page); q is folded text
MATCH (n:Offer)
WHERE ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR $field IN coalesce(n.fields, []))
  AND ($language = '' OR $language IN coalesce(n.languages, []))
  AND ($target_group = '' OR $target_group IN coalesce(n.target_groups, []))
  AND ($weekday = '' OR $weekday IN coalesce(n.weekdays, []))
  AND ($status = '' OR n.status = $status)
// counted first, without sorting anything; then only one page is ordered (a top-k,
// not a sort of every match collected into one list)
WITH count(n) AS total
MATCH (n:Offer)
WHERE ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR $field IN coalesce(n.fields, []))
  AND ($language = '' OR $language IN coalesce(n.languages, []))
  AND ($target_group = '' OR $target_group IN coalesce(n.target_groups, []))
  AND ($weekday = '' OR $weekday IN coalesce(n.weekdays, []))
  AND ($status = '' OR n.status = $status)
WITH total, n, CASE $order WHEN 'updated' THEN coalesce(n.updated_at, '') ELSE coalesce(n.name_key, '') END AS key
ORDER BY CASE WHEN $descending THEN '' ELSE key END, CASE WHEN $descending THEN key ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       [(a:Actor)-[:OFFERS]->(n) | a.name] AS providers,
       [(n)-[:IN]->(d:District) | d.name] AS districts
