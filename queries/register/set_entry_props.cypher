// name: set_entry_props
// mode: write
// params: rows
// returns: one row with the number of entries changed; rows: [{uid, props}], props replace only
//          the properties they name (used by data migrations, not by edits: no version, no history)
UNWIND $rows AS row
MATCH (n:Entry {uid: row.uid})
SET n += row.props
RETURN count(n) AS updated
