// name: list_needs_within
// mode: read
// params: q, field, within, language, target_group, status, order, descending, skip, limit
// within: the uids a district, actor or organiser filter allows (list_needs without
//         such a filter): each found by its uid index, where `n.uid IN $within` on every
//         node would cost nodes x uids
// returns: one row per Need on the page, each with the total number of matches (two passes: count, then one ordered page); q is folded text
UNWIND $within AS allowed
MATCH (n:Need {uid: allowed})
WHERE ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR n.field = $field)
  AND ($language = '' OR n.language = $language)
  AND ($target_group = '' OR n.target_group = $target_group)
  AND ($status = '' OR n.status = $status)
// counted first, without sorting anything; then only one page is ordered (a top-k,
// not a sort of every match collected into one list)
WITH count(n) AS total
UNWIND $within AS allowed
MATCH (n:Need {uid: allowed})
WHERE ($q = '' OR n.search CONTAINS $q)
  AND ($field = '' OR n.field = $field)
  AND ($language = '' OR n.language = $language)
  AND ($target_group = '' OR n.target_group = $target_group)
  AND ($status = '' OR n.status = $status)
WITH total, n, CASE $order WHEN 'updated' THEN coalesce(n.updated_at, '') ELSE coalesce(n.name_key, '') END AS key
ORDER BY CASE WHEN $descending THEN '' ELSE key END, CASE WHEN $descending THEN key ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       [(n)-[:IN]->(d:District) | d.name] AS districts
