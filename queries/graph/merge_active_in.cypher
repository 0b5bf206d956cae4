// name: merge_active_in
// mode: write
// params: links
// returns: one row with the number of (:Actor)-[:ACTIVE_IN]->(:District) links merged;
//          link.status ("planned" for an announced but not yet active presence) is set when given
UNWIND $links AS link
MATCH (a:Actor {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:ACTIVE_IN]->(b)
SET r.status = link.status
RETURN count(r) AS merged
