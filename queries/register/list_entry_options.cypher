// name: list_entry_options
// mode: read
// params: label
// returns: uid and name of every entry of a kind, for select boxes, in folded-name order
MATCH (n:Entry)
WHERE $label IN labels(n)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
