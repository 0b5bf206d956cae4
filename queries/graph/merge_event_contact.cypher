// name: merge_event_contact
// mode: write
// params: links
// returns: one row with the number of (:Event)-[:CONTACT_PERSON]->(:Person) links merged
UNWIND $links AS link
MATCH (a:Event {uid: link.from})
MATCH (b:Person {uid: link.to})
MERGE (a)-[r:CONTACT_PERSON]->(b)
RETURN count(r) AS merged
