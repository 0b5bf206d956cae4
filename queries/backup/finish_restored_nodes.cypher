// name: finish_restored_nodes
// mode: write
// params: limit
// returns: how many restored nodes lost their restore label and reference (0: all done)
MATCH (n:Restored)
WITH n LIMIT $limit
REMOVE n:Restored
REMOVE n.restore_ref
RETURN count(n) AS nodes
