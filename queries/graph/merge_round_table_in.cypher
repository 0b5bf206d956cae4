// name: merge_round_table_in
// mode: write
// params: links
// returns: one row with the number of (:RoundTable)-[:ACTIVE_IN]->(:District) links merged
UNWIND $links AS link
MATCH (a:RoundTable {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:ACTIVE_IN]->(b)
RETURN count(r) AS merged
