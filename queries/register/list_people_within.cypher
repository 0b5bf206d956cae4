// name: list_people_within
// mode: read
// params: q, within, order, descending, skip, limit
// within: the uids a district, actor or organiser filter allows (list_people without
//         such a filter): each found by its uid index, where `n.uid IN $within` on every
//         node would cost nodes x uids
// returns: one row per Person on the page, each with the total number of matches (two passes: count, then one ordered page); q is folded text
UNWIND $within AS allowed
MATCH (n:Person {uid: allowed})
WHERE ($q = '' OR n.search CONTAINS $q)
// counted first, without sorting anything; then only one page is ordered (a top-k,
// not a sort of every match collected into one list)
WITH count(n) AS total
UNWIND $within AS allowed
MATCH (n:Person {uid: allowed})
WHERE ($q = '' OR n.search CONTAINS $q)
WITH total, n, CASE $order WHEN 'updated' THEN coalesce(n.updated_at, '') ELSE coalesce(n.name_key, '') END AS key
ORDER BY CASE WHEN $descending THEN '' ELSE key END, CASE WHEN $descending THEN key ELSE '' END DESC,
         n.name_key, n.uid
SKIP $skip LIMIT $limit
RETURN total, n.uid AS uid, properties(n) AS props,
       [(n)-[:WORKS_AT]->(a:Actor) | a.name] AS actors
