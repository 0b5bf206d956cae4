// name: count_relationships_by_type
// mode: read
// params: none
// returns: one row per relationship type with its count
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS relationships
ORDER BY type
