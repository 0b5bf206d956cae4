// name: delete_entry
// mode: write
// params: uid
// returns: one row with the number of entries deleted; its relationships and history go with it
MATCH (n:Entry {uid: $uid})
OPTIONAL MATCH (c:Change)-[:OF]->(n)
WITH n, collect(c) AS changes
FOREACH (change IN changes | DETACH DELETE change)
DETACH DELETE n
RETURN count(*) AS deleted
