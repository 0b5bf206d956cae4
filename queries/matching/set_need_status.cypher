// name: set_need_status
// mode: write
// params: need, status, version, now, by, change_uid, summary
// returns: one row with the need's new version, or no row when the need is gone or was changed
//          since `version` was read (then nothing is written); records the change in the history
MATCH (n:Need {uid: $need})
WHERE n.version = $version
SET n.status = $status, n.version = n.version + 1, n.updated_at = $now, n.updated_by = $by
CREATE (c:Change {uid: $change_uid, at: $now, by: $by, action: 'update', fields: ['status'],
                  summary: $summary, private: false})
CREATE (c)-[:OF]->(n)
RETURN n.version AS version
