// name: list_entries_matching
// mode: read
// params: q, limit
// returns: entries of every kind whose folded text contains q (folded): label, uid and name,
//          names that start with q first, for the start page's search over all kinds
MATCH (n:Entry)
WHERE n.search CONTAINS $q
RETURN [label IN labels(n) WHERE label <> 'Entry'][0] AS label, n.uid AS uid, n.name AS name
ORDER BY CASE WHEN n.name_key STARTS WITH $q THEN 0 ELSE 1 END, n.name_key, n.uid
LIMIT $limit
