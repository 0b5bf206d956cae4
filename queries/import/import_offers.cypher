// name: import_offers
// mode: write
// params: rows, now, by
// returns: nothing; creates or updates the rows' Offer entries with their OFFERS links from providers and IN links to districts, all in one statement
UNWIND $rows AS row
MERGE (n:Offer:Entry {uid: row.uid})
  ON CREATE SET n.created_at = $now, n.created_by = $by, n.version = 0
SET n += row.props, n.version = n.version + 1, n.updated_at = $now, n.updated_by = $by
CREATE (c:Change {uid: row.change_uid, at: $now, by: $by, action: row.action, fields: row.changed,
                  summary: 'Import'})
CREATE (c)-[:OF]->(n)
// the aggregation is a barrier: every node of the file exists before the links are made
WITH collect(row) AS rows
UNWIND rows AS row
MATCH (n:Offer {uid: row.uid})
// one indexed lookup per provider (a.uid IN row.providers scanned every actor for every row);
// [null] keeps a row without providers for the districts below
UNWIND CASE WHEN size(row.providers) = 0 THEN [null] ELSE row.providers END AS provider_uid
OPTIONAL MATCH (a:Actor {uid: provider_uid})
FOREACH (provider IN CASE WHEN a IS NULL THEN [] ELSE [a] END | MERGE (provider)-[:OFFERS]->(n))
WITH DISTINCT n, row
UNWIND row.districts AS district_uid
MATCH (d:District {uid: district_uid})
MERGE (n)-[:IN]->(d)
