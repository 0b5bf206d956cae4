// name: count_nodes_by_label
// mode: read
// params: none
// returns: one row per label with its node count
MATCH (n)
// the read cache's write counter (Neo4j) belongs to this instance, not to its data
WHERE NOT n:CacheGeneration
UNWIND labels(n) AS label
RETURN label, count(n) AS nodes
ORDER BY label
