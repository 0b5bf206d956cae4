// name: list_recent_changes
// mode: read
// params: limit, with_private
// returns: the latest changes of register entries, newest first, with the entry's label, uid and
//          name; changes of private links (who knows whom) only when with_private
MATCH (c:Change)-[:OF]->(n:Entry)
WHERE $with_private OR NOT coalesce(c.private, false)
WITH c, n
ORDER BY c.at DESC, c.uid, n.uid
LIMIT $limit
RETURN c.at AS at, c.by AS by, c.action AS action, [label IN labels(n) WHERE label <> 'Entry'][0] AS label,
       n.uid AS uid, n.name AS name
