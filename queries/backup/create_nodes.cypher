// name: create_nodes
// mode: write
// params: rows
// returns: how many nodes were made
// Restore of a backup: the label Restored of CREATE is followed by the rows' own labels (checked names, see
// Store.write_with_names); every node keeps that label and its reference until
// finish_restored_nodes, so create_relationships finds both ends by index.
UNWIND $rows AS row
CREATE (n:Restored)
SET n += row.props, n.restore_ref = row.ref
RETURN count(n) AS nodes
