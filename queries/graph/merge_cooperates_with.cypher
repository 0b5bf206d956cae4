// name: merge_cooperates_with
// mode: write
// params: links
// returns: one row with the number of (:Actor)-[:COOPERATES_WITH]->(:Actor) links merged
UNWIND $links AS link
MATCH (a:Actor {uid: link.from})
MATCH (b:Actor {uid: link.to})
MERGE (a)-[r:COOPERATES_WITH]->(b)
RETURN count(r) AS merged
