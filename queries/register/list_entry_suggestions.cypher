// name: list_entry_suggestions
// mode: read
// params: label, q, limit
// returns: up to limit entries of one kind whose folded text contains q (folded), in no order:
//          the type-ahead's second answer when too few names start with q; unordered, so the
//          scan stops at the limit instead of sorting every match (the caller sorts the few)
MATCH (n:Entry)
WHERE n.search CONTAINS $q AND $label IN labels(n)
RETURN n.uid AS uid, n.name AS name, n.name_key AS name_key
LIMIT $limit
