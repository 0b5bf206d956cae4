// name: create_relationships
// mode: write
// params: rows
// returns: how many relationships were made (fewer than rows: an end is missing)
// Restore of a backup: the type RESTORED becomes the rows' type (a checked name, see Store.write_with_names).
UNWIND $rows AS row
MATCH (a:Restored {restore_ref: row.from})
MATCH (b:Restored {restore_ref: row.to})
CREATE (a)-[r:RESTORED]->(b)
SET r += row.props
RETURN count(r) AS relationships
