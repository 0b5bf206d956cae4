// name: create_event
// mode: write
// params: uid, props, now, by, change_uid
// returns: one row with the new Event's uid; its first change is recorded in the same statement
CREATE (n:Event:Entry {uid: $uid})
SET n += $props, n.version = 1, n.created_at = $now, n.created_by = $by,
    n.updated_at = $now, n.updated_by = $by
CREATE (c:Change {uid: $change_uid, at: $now, by: $by, action: 'create', fields: keys($props)})
CREATE (c)-[:OF]->(n)
RETURN n.uid AS uid
