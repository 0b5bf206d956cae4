// name: merge_round_table_contact
// mode: write
// params: links
// returns: one row with the number of (:RoundTable)-[:CONTACT_PERSON]->(:Person) links merged
UNWIND $links AS link
MATCH (a:RoundTable {uid: link.from})
MATCH (b:Person {uid: link.to})
MERGE (a)-[r:CONTACT_PERSON]->(b)
RETURN count(r) AS merged
