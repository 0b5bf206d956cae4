// name: list_audit_entries
// mode: read
// params: subjects
// returns: the audit entries (trust-audit's AuditEntry nodes) whose subject is one of $subjects
//          (uids), oldest first; they never hold names or values, so they are shown as they are
// cache: no (an access request reads what is there now)
MATCH (a:AuditEntry)
WHERE a.subject_uid IN $subjects
RETURN a.uid AS uid, a.at AS at, a.user_uid AS user_uid, a.action AS action,
       a.subject_kind AS subject_kind, a.subject_uid AS subject_uid, a.what AS what
ORDER BY at, uid
