// name: list_entries_by_name_prefix
// mode: read
// params: label, prefix, prefix_end
// returns: up to 10 entries of one kind whose folded name starts with prefix, by folded name;
//          prefix_end is prefix followed by U+FFFF, so the range is an index scan on name_key
//          (a type-ahead's first answer: cost grows with the matches, not with the register)
MATCH (n:Entry)
WHERE n.name_key >= $prefix AND n.name_key < $prefix_end AND $label IN labels(n)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
LIMIT 10
