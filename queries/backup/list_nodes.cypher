// name: list_nodes
// mode: read
// params: skip, limit
// cache: no (a backup reads the graph once)
// returns: every node: its labels, its properties, and the reference its links are written with
//          in a backup (its uid; the few kinds without one by their unique hash or key)
MATCH (n)
// the read cache's write counter (Neo4j) belongs to this instance, not to its data
WHERE NOT n:CacheGeneration
// skipped before anything is computed for a row: a page costs the scan to its start, no more
WITH n SKIP $skip LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props,
       CASE WHEN n.uid IS NOT NULL THEN 'uid:' + toString(n.uid)
            WHEN n.hash IS NOT NULL THEN 'hash:' + toString(n.hash)
            WHEN n.key IS NOT NULL THEN 'key:' + toString(n.key) END AS ref
