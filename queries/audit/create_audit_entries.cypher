// name: create_audit_entries
// mode: write
// changes: audit
// params: entries
// returns: one row with the number of entries written. Each entry is a map {uid, at, user_uid,
//          action, subject_kind, subject_uid, what}: codes and uids only, never a name or a value,
//          and no relationship, so an entry outlives its subject and erasing it changes nothing here
UNWIND $entries AS e
CREATE (a:AuditEntry {uid: e.uid, at: e.at, user_uid: e.user_uid, action: e.action,
                      subject_kind: e.subject_kind, subject_uid: e.subject_uid, what: e.what})
RETURN count(a) AS written
