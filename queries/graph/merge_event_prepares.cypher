// name: merge_event_prepares
// mode: write
// params: links
// returns: one row with the number of (:Event)-[:PREPARES]->(:Event) links merged
UNWIND $links AS link
MATCH (a:Event {uid: link.from})
MATCH (b:Event {uid: link.to})
MERGE (a)-[r:PREPARES]->(b)
RETURN count(r) AS merged
