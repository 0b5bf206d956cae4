// name: merge_series
// mode: write
// params: rows, now
// returns: one row with the number of rows merged; existing nodes keep their (maybe edited) properties;
//          exported timestamps and versions in row.props win over the defaults; register nodes also carry :Entry
UNWIND $rows AS row
MERGE (n:Series:Entry {uid: row.uid})
  ON CREATE SET n.created_at = $now, n.updated_at = $now, n.created_by = row.by,
                n.updated_by = row.by, n.version = 1, n += row.props
RETURN count(n) AS merged
