// name: merge_event_dates
// mode: write
// params: rows, series, now, by
// returns: one row with the number of dates merged: further events of a series, each with its
//          first change; MERGE on uid, so a retried unit creates nothing twice
MATCH (s:Series:Entry {uid: $series})
UNWIND $rows AS row
MERGE (e:Event:Entry {uid: row.uid})
  ON CREATE SET e += row.props, e.version = 1, e.created_at = $now, e.created_by = $by,
                e.updated_at = $now, e.updated_by = $by
MERGE (e)-[:IN_SERIES]->(s)
MERGE (c:Change {uid: row.change_uid})
  ON CREATE SET c.at = $now, c.by = $by, c.action = 'create', c.fields = keys(row.props),
                c.summary = 'Termin einer Reihe', c.private = false
MERGE (c)-[:OF]->(e)
RETURN count(e) AS merged
