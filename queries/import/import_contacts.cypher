// name: import_contacts
// mode: write
// params: rows, now, by
// returns: nothing; creates or updates KNOWS links between people, with one change record per row
UNWIND $rows AS row
MATCH (a:Person {uid: row.from})
MATCH (b:Person {uid: row.to})
MERGE (a)-[k:KNOWS]->(b)
SET k.since = row.since, k.context = row.context, k.strength = row.strength
CREATE (c:Change {uid: row.change_uid, at: $now, by: $by, action: 'link', fields: [],
                  summary: 'Import: Kontakt'})
CREATE (c)-[:OF]->(a)
CREATE (c)-[:OF]->(b)
