// name: merge_part_of
// mode: write
// params: links
// returns: one row with the number of (:District)-[:PART_OF]->(:District) links merged
UNWIND $links AS link
MATCH (a:District {uid: link.from})
MATCH (b:District {uid: link.to})
MERGE (a)-[r:PART_OF]->(b)
RETURN count(r) AS merged
