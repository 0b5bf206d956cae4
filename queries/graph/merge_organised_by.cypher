// name: merge_organised_by
// mode: write
// params: links
// returns: one row with the number of (:Event)-[:ORGANISED_BY]->(:Actor) links merged;
//          link.role is "organiser" (the default) or "partner"
UNWIND $links AS link
MATCH (a:Event {uid: link.from})
MATCH (b:Actor {uid: link.to})
MERGE (a)-[r:ORGANISED_BY]->(b)
SET r.role = coalesce(link.role, 'organiser')
RETURN count(r) AS merged
