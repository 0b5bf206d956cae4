// name: count_nodes_by_label
// mode: read
// params: none
// returns: one row per label with its node count
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(n) AS nodes
ORDER BY label
