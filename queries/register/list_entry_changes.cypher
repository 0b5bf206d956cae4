// name: list_entry_changes
// mode: read
// params: uid, limit
// returns: the entry's change history, newest first (field names only, never old values);
//          times have seconds, so ties put the creation last and the rest in uid order
//          (without a full tie-break the two engines return tied rows in different orders)
MATCH (c:Change)-[:OF]->(n:Entry {uid: $uid})
RETURN c.at AS at, c.by AS by, c.action AS action, c.fields AS fields, c.summary AS summary,
       coalesce(c.private, false) AS private
ORDER BY at DESC, CASE WHEN action = 'create' THEN 1 ELSE 0 END, c.uid
LIMIT $limit
