// name: list_entry_changes
// mode: read
// params: uid, limit
// returns: the entry's change history, newest first (field names only, never old values)
MATCH (c:Change)-[:OF]->(n:Entry {uid: $uid})
RETURN c.at AS at, c.by AS by, c.action AS action, c.fields AS fields, c.summary AS summary
ORDER BY at DESC
LIMIT $limit
