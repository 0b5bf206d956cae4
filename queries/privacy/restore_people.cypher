// name: restore_people
// mode: write
// params: rows, now, by
// returns: one row: how many erased people an import brought back (only when the importer ticked it):
//          the file's properties again, erased_at removed
UNWIND $rows AS row
MATCH (p:Person {uid: row.uid})
WHERE p.erased_at IS NOT NULL
SET p += row.props
SET p.erased_at = null
SET p.updated_at = $now, p.updated_by = $by
RETURN count(p) AS restored
