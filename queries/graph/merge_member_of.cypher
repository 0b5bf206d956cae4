// name: merge_member_of
// mode: write
// params: links
// returns: one row with the number of (:Actor)-[:MEMBER_OF]->(:RoundTable) links merged
UNWIND $links AS link
MATCH (a:Actor {uid: link.from})
MATCH (b:RoundTable {uid: link.to})
MERGE (a)-[r:MEMBER_OF]->(b)
RETURN count(r) AS merged
