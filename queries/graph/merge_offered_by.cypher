// name: merge_offered_by
// mode: write
// params: links
// returns: one row with the number of (:Actor)-[:OFFERS]->(:Offer) links merged
UNWIND $links AS link
MATCH (a:Actor {uid: link.from})
MATCH (b:Offer {uid: link.to})
MERGE (a)-[r:OFFERS]->(b)
RETURN count(r) AS merged
