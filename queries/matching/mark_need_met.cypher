// name: mark_need_met
// mode: write
// params: need, offer, version, now, by, change_uid, summary
// returns: one row with the need's new version, or no row when the need or the offer is gone or
//          the need was changed since `version` was read (then nothing is written); the need
//          becomes met, MET_BY the offer, and one change is recorded on both
MATCH (n:Need {uid: $need})
WHERE n.version = $version
MATCH (o:Offer {uid: $offer})
SET n.status = 'met', n.version = n.version + 1, n.updated_at = $now, n.updated_by = $by
MERGE (n)-[:MET_BY]->(o)
CREATE (c:Change {uid: $change_uid, at: $now, by: $by, action: 'update', fields: ['status'],
                  summary: $summary, private: false})
CREATE (c)-[:OF]->(n)
CREATE (c)-[:OF]->(o)
RETURN n.version AS version
