// name: merge_attendee_works_at
// mode: write
// params: links
// returns: one row with the number of WORKS_AT links that exist afterwards for $links; an existing
//          link keeps its role (unlike graph/merge_works_at, which the import uses to set it)
UNWIND $links AS link
MATCH (p:Person {uid: link.person})
MATCH (a:Actor {uid: link.actor})
MERGE (p)-[w:WORKS_AT]->(a)
RETURN count(w) AS linked
