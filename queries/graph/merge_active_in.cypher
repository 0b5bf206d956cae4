// name: merge_active_in
// mode: write
// params: links
// returns: one row with the number of (:Actor)-[:ACTIVE_IN]->(:District) links merged
UNWIND $links AS link
MATCH (a:Actor {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:ACTIVE_IN]->(b)
RETURN count(r) AS merged
