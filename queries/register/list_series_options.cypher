// name: list_series_options
// mode: read
// params: none
// returns: uid and name of every Series in folded-name order: a filter's choices, the names a
//          file import resolves; one label scanned, not every entry of every kind
MATCH (n:Series)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
