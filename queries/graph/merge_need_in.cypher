// name: merge_need_in
// mode: write
// params: links
// returns: one row with the number of (:Need)-[:IN]->(:District) links merged
UNWIND $links AS link
MATCH (a:Need {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:IN]->(b)
RETURN count(r) AS merged
