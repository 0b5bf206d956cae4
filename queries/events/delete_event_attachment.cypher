// name: delete_event_attachment
// mode: write
// params: event, uid
// returns: one row with the stored file name of the deleted attachment (the caller removes the
//          file), or no row when the event has no such file
MATCH (:Event {uid: $event})-[:HAS_ATTACHMENT]->(f:Attachment {uid: $uid})
WITH f, f.stored AS stored
DETACH DELETE f
RETURN stored
