// name: merge_need_reported_by_round_table
// mode: write
// params: links
// returns: one row with the number of (:Need)-[:REPORTED_BY]->(:RoundTable) links merged
UNWIND $links AS link
MATCH (a:Need {uid: link.from})
MATCH (b:RoundTable {uid: link.to})
MERGE (a)-[r:REPORTED_BY]->(b)
RETURN count(r) AS merged
