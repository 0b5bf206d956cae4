// name: list_people
// mode: read
// params: q, order, descending, skip, limit
// returns: one row per Person on the page, each with the total number of matches (two passes: count, then one ordered page); q is folded text
MATCH (n:Person)
WHERE ($q = '' OR n.search CONTAINS $q)
// counted first, without sorting anything; then only one page is ordered (a top-k,
// not a sort of every match collected into one list)
WITH count(n) AS total
MATCH (n:Person)
WHERE ($q = '' OR n.search CONTAINS $q)
WITH total, n, CASE $order WHEN 'updated' THEN coalesce(n.updated_at, '') ELSE coalesce(n.name_key, '') END AS key
ORDER BY CASE WHEN $descending THEN '' ELSE key END, CASE WHEN $descending THEN key ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       [(n)-[:WORKS_AT]->(a:Actor) | a.name] AS actors
