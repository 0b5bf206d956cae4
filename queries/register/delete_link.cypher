// name: delete_link
// mode: write
// params: source, target, type
// returns: one row with the number of relationships of that type deleted between the two entries
MATCH (a:Entry {uid: $source})-[r]->(b:Entry {uid: $target})
WHERE type(r) = $type
DELETE r
RETURN count(r) AS deleted
