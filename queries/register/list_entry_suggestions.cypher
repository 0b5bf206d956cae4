// name: list_entry_suggestions
// mode: read
// params: label, q, limit
// returns: up to limit entries of one kind whose folded text contains q (folded), for a
//          type-ahead: names that start with q first, then by folded name
MATCH (n:Entry)
WHERE $label IN labels(n) AND n.search CONTAINS $q
RETURN n.uid AS uid, n.name AS name
ORDER BY CASE WHEN n.name_key STARTS WITH $q THEN 0 ELSE 1 END, n.name_key, n.uid
LIMIT $limit
