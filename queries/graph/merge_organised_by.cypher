// name: merge_organised_by
// mode: write
// params: links
// returns: one row with the number of (:Event)-[:ORGANISED_BY]->(:Actor) links merged
UNWIND $links AS link
MATCH (a:Event {uid: link.from})
MATCH (b:Actor {uid: link.to})
MERGE (a)-[r:ORGANISED_BY]->(b)
RETURN count(r) AS merged
