// name: count_nodes
// mode: read
// params: none
// cache: no (a backup reads the graph once)
// returns: one row: how many nodes the graph holds
MATCH (n)
RETURN count(n) AS nodes
