// name: merge_event_in
// mode: write
// params: links
// returns: one row with the number of (:Event)-[:IN]->(:District) links merged
UNWIND $links AS link
MATCH (a:Event {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:IN]->(b)
RETURN count(r) AS merged
