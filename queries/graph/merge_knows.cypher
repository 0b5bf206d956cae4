// name: merge_knows
// mode: write
// params: links
// returns: one row with the number of (:Person)-[:KNOWS]->(:Person) links merged
UNWIND $links AS link
MATCH (a:Person {uid: link.from})
MATCH (b:Person {uid: link.to})
MERGE (a)-[r:KNOWS]->(b)
SET r.since = link.since, r.context = link.context, r.strength = link.strength
RETURN count(r) AS merged
