// name: find_entries_by_name_key
// mode: read
// params: label, keys
// returns: the entries of a kind whose folded name is one of `keys` (imports match rows by name)
MATCH (n:Entry)
WHERE $label IN labels(n) AND n.name_key IN $keys
RETURN n.name_key AS name_key, n.uid AS uid, properties(n) AS props
