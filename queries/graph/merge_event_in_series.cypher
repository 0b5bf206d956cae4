// name: merge_event_in_series
// mode: write
// params: links
// returns: one row with the number of (:Event)-[:IN_SERIES]->(:Series) links merged
UNWIND $links AS link
MATCH (a:Event {uid: link.from})
MATCH (b:Series {uid: link.to})
MERGE (a)-[r:IN_SERIES]->(b)
RETURN count(r) AS merged
