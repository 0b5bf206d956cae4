// name: list_series
// mode: read
// params: q, order, descending, skip, limit
// returns: one row per Series on the page, each with the total number of matches (two passes: count,
//          then one ordered page) and the number of its dates
MATCH (n:Series)
WHERE ($q = '' OR n.search CONTAINS $q)
WITH count(n) AS total
MATCH (n:Series)
WHERE ($q = '' OR n.search CONTAINS $q)
WITH total, n, CASE $order WHEN 'updated' THEN coalesce(n.updated_at, '') ELSE coalesce(n.name_key, '') END AS key
ORDER BY CASE WHEN $descending THEN '' ELSE key END, CASE WHEN $descending THEN key ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       size([(n)<-[:IN_SERIES]-(e:Event) | e.uid]) AS dates
