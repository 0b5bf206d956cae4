// name: merge_neighbours
// mode: write
// params: links
// returns: one row with the number of (:District)-[:NEIGHBOURS]->(:District) links merged
UNWIND $links AS link
MATCH (a:District {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:NEIGHBOURS]->(b)
RETURN count(r) AS merged
