// name: list_person_options
// mode: read
// params: none
// returns: uid and name of every Person in folded-name order: a filter's choices, the names a
//          file import resolves; one label scanned, not every entry of every kind
MATCH (n:Person)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
