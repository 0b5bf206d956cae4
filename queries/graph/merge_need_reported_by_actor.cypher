// name: merge_need_reported_by_actor
// mode: write
// params: links
// returns: one row with the number of (:Need)-[:REPORTED_BY]->(:Actor) links merged
UNWIND $links AS link
MATCH (a:Need {uid: link.from})
MATCH (b:Actor {uid: link.to})
MERGE (a)-[r:REPORTED_BY]->(b)
RETURN count(r) AS merged
