// name: record_change
// mode: write
// params: uid, uids, now, by, action, summary, private
// returns: one row per entry the change is recorded on (MERGE on uid: safe to retry);
//          private: a change of a private link (who knows whom), shown only to contacts.read
MATCH (n:Entry)
WHERE n.uid IN $uids
MERGE (c:Change {uid: $uid})
  ON CREATE SET c.at = $now, c.by = $by, c.action = $action, c.summary = $summary, c.fields = [],
                c.private = $private
MERGE (c)-[:OF]->(n)
SET n.updated_at = $now, n.updated_by = $by
RETURN n.uid AS uid
