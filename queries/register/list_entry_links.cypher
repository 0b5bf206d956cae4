// name: list_entry_links
// mode: read
// params: uid
// returns: one row per relationship of the entry, with the node at the other end
MATCH (n:Entry {uid: $uid})-[r]-(m)
WHERE NOT m:Change
RETURN type(r) AS type, startNode(r) = n AS outgoing, m.uid AS uid, m.name AS name,
       [label IN labels(m) WHERE label <> 'Entry'][0] AS label, properties(r) AS props
ORDER BY type, name, uid
