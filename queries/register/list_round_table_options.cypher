// name: list_round_table_options
// mode: read
// params: none
// returns: uid and name of every RoundTable in folded-name order: a filter's choices, the names a
//          file import resolves; one label scanned, not every entry of every kind
MATCH (n:RoundTable)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
