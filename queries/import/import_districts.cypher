// name: import_districts
// mode: write
// params: rows, now, by
// returns: nothing; creates or updates the rows' District entries with their PART_OF links to the parent district, all in one statement
UNWIND $rows AS row
MERGE (n:District:Entry {uid: row.uid})
  ON CREATE SET n.created_at = $now, n.created_by = $by, n.version = 0
SET n += row.props, n.version = n.version + 1, n.updated_at = $now, n.updated_by = $by
CREATE (c:Change {uid: row.change_uid, at: $now, by: $by, action: row.action, fields: row.changed,
                  summary: 'Import'})
CREATE (c)-[:OF]->(n)
// the aggregation is a barrier: every node of the file exists before the links are made
WITH collect(row) AS rows
UNWIND rows AS row
MATCH (n:District {uid: row.uid})
UNWIND row.part_of AS parent_uid
MATCH (p:District {uid: parent_uid})
MERGE (n)-[:PART_OF]->(p)
