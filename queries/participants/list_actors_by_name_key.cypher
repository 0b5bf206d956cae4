// name: list_actors_by_name_key
// mode: read
// params: keys
// returns: actors whose folded name is one of $keys (the folded organisations participants named)
MATCH (a:Actor)
WHERE a.name_key IN $keys
RETURN a.uid AS uid, a.name AS name, a.name_key AS name_key
ORDER BY a.name_key, a.uid
