// name: merge_need_met_by
// mode: write
// params: links
// returns: one row with the number of (:Need)-[:MET_BY]->(:Offer) links merged
UNWIND $links AS link
MATCH (a:Need {uid: link.from})
MATCH (b:Offer {uid: link.to})
MERGE (a)-[r:MET_BY]->(b)
RETURN count(r) AS merged
