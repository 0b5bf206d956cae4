// name: list_entries_by_name_prefix
// mode: read
// params: label, start, prefix
// returns: up to 10 entries of one kind whose folded name starts with prefix, by folded name;
//          start is the prefix's first two characters, looked up by equality on the name_start
//          index (a type-ahead's first answer: cost grows with the names sharing those two
//          characters, not with the register). Not a range on name_key: FalkorDB's string range
//          index scans answer wrongly (docs/cypher-portability.md)
MATCH (n:Entry)
WHERE n.name_start = $start AND n.name_key STARTS WITH $prefix AND $label IN labels(n)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
LIMIT 10
