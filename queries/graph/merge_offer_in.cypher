// name: merge_offer_in
// mode: write
// params: links
// returns: one row with the number of (:Offer)-[:IN]->(:District) links merged
UNWIND $links AS link
MATCH (a:Offer {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:IN]->(b)
RETURN count(r) AS merged
