// name: import_people
// mode: write
// params: rows, now, by
// returns: nothing; creates or updates the rows' Person entries with their WORKS_AT links (with the role) to actors, all in one statement
UNWIND $rows AS row
MERGE (n:Person:Entry {uid: row.uid})
  ON CREATE SET n.created_at = $now, n.created_by = $by, n.version = 0
SET n += row.props, n.version = n.version + 1, n.updated_at = $now, n.updated_by = $by
CREATE (c:Change {uid: row.change_uid, at: $now, by: $by, action: row.action, fields: row.changed,
                  summary: 'Import'})
CREATE (c)-[:OF]->(n)
// the aggregation is a barrier: every node of the file exists before the links are made
WITH collect(row) AS rows
UNWIND rows AS row
MATCH (n:Person {uid: row.uid})
UNWIND row.actors AS actor_uid
MATCH (a:Actor {uid: actor_uid})
MERGE (n)-[w:WORKS_AT]->(a)
SET w.role = coalesce(row.role, w.role)
