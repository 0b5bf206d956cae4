// name: count_nodes
// mode: read
// params: none
// cache: no (a backup reads the graph once)
// returns: one row: how many nodes the graph holds
MATCH (n)
// the read cache's write counter (Neo4j) belongs to this instance, not to its data
WHERE NOT n:CacheGeneration
RETURN count(n) AS nodes
