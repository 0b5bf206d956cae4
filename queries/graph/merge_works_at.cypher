// name: merge_works_at
// mode: write
// params: links
// returns: one row with the number of (:Person)-[:WORKS_AT]->(:Actor) links merged
UNWIND $links AS link
MATCH (a:Person {uid: link.from})
MATCH (b:Actor {uid: link.to})
MERGE (a)-[r:WORKS_AT]->(b)
SET r.role = link.role
RETURN count(r) AS merged
