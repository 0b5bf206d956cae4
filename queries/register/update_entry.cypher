// name: update_entry
// mode: write
// params: uid, version, props, now, by, change_uid
// returns: one row with the new version and the changed fields, or no row when the entry is gone
//          or was changed since `version` was read (a stale form is refused, not merged)
MATCH (n:Entry {uid: $uid})
WHERE n.version = $version
WITH n, [k IN keys($props) WHERE n[k] <> $props[k] OR (n[k] IS NULL) <> ($props[k] IS NULL)] AS changed
SET n += $props, n.version = n.version + 1, n.updated_at = $now, n.updated_by = $by
CREATE (c:Change {uid: $change_uid, at: $now, by: $by, action: 'update', fields: changed})
CREATE (c)-[:OF]->(n)
RETURN n.version AS version, changed
