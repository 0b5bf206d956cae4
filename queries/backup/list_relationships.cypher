// name: list_relationships
// mode: read
// params: skip, limit
// cache: no (a backup reads the graph once)
// returns: every relationship: its type, its properties and its ends' references (as list_nodes
//          makes them; null for an end that has none, with that end's labels to say which)
MATCH (a)-[r]->(b)
// skipped before anything is computed for a row: a page costs the scan to its start, no more
WITH a, r, b SKIP $skip LIMIT $limit
RETURN type(r) AS type, properties(r) AS props,
       CASE WHEN a.uid IS NOT NULL THEN 'uid:' + toString(a.uid)
            WHEN a.hash IS NOT NULL THEN 'hash:' + toString(a.hash)
            WHEN a.key IS NOT NULL THEN 'key:' + toString(a.key) END AS from,
       CASE WHEN b.uid IS NOT NULL THEN 'uid:' + toString(b.uid)
            WHEN b.hash IS NOT NULL THEN 'hash:' + toString(b.hash)
            WHEN b.key IS NOT NULL THEN 'key:' + toString(b.key) END AS to,
       labels(a) AS from_labels, labels(b) AS to_labels
