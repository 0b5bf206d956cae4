// name: delete_event
// mode: write
// params: uid
// returns: one row with the stored names of the event's files (the caller removes them), or no
//          row when the event is gone or has registrations (those events are cancelled, not deleted);
//          the event's links, history and attachments go with it
MATCH (e:Event:Entry {uid: $uid})
OPTIONAL MATCH (r:Registration)-[:FOR]->(e)
WITH e, count(r) AS registrations
WHERE registrations = 0
OPTIONAL MATCH (e)-[:HAS_ATTACHMENT]->(f:Attachment)
WITH e, collect(f) AS attachments
OPTIONAL MATCH (c:Change)-[:OF]->(e)
WITH e, attachments, collect(c) AS changes
WITH e, attachments, changes, [f IN attachments | f.stored] AS stored
FOREACH (file IN attachments | DETACH DELETE file)
FOREACH (change IN changes | DETACH DELETE change)
DETACH DELETE e
RETURN stored
