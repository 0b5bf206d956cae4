// name: merge_needs
// mode: write
// params: rows, now
// returns: one row with the number of rows merged; existing nodes keep their (maybe edited) properties
UNWIND $rows AS row
MERGE (n:Need {uid: row.uid})
  ON CREATE SET n += row.props, n.created_at = $now, n.updated_at = $now,
                n.created_by = 'seed', n.version = 1
RETURN count(n) AS merged
