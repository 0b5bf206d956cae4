// name: list_event_attachments
// mode: read
// params: event
// returns: the files attached to an event, oldest first: uid, name (as uploaded), stored (the
//          random file name in the data directory), type, size, created_at, created_by
MATCH (:Event {uid: $event})-[:HAS_ATTACHMENT]->(f:Attachment)
RETURN f.uid AS uid, f.name AS name, f.stored AS stored, f.type AS type, f.size AS size,
       f.created_at AS created_at, f.created_by AS created_by
ORDER BY created_at, uid
