// name: create_event_attachment
// mode: write
// params: event, uid, name, stored, type, size, now, by
// returns: one row with the new attachment's uid, or no row when the event is gone; the upload
//          is noted in the event's history in the same statement
MATCH (e:Event:Entry {uid: $event})
CREATE (f:Attachment {uid: $uid, name: $name, stored: $stored, type: $type, size: $size,
                      created_at: $now, created_by: $by})
CREATE (e)-[:HAS_ATTACHMENT]->(f)
CREATE (c:Change {uid: $uid + '-change', at: $now, by: $by, action: 'update', fields: [],
                  summary: 'Datei hinzugefügt: ' + $name, private: false})
CREATE (c)-[:OF]->(e)
SET e.updated_at = $now, e.updated_by = $by
RETURN f.uid AS uid
