// name: list_audit_entries
// mode: read
// cache: no (audit writes retire no cached read: see `changes: audit`)
// params: user, subject, action, since, until, skip, limit
// returns: the audit entries that fit the filters ('' = any; since/until ISO timestamps, until
//          exclusive), newest first, one page: uid, at, user_uid, action, subject_kind, subject_uid, what
MATCH (a:AuditEntry)
WHERE ($user = '' OR a.user_uid = $user)
  AND ($subject = '' OR a.subject_uid = $subject)
  AND ($action = '' OR a.action = $action)
  AND ($since = '' OR a.at >= $since)
  AND ($until = '' OR a.at < $until)
RETURN a.uid AS uid, a.at AS at, a.user_uid AS user_uid, a.action AS action,
       a.subject_kind AS subject_kind, a.subject_uid AS subject_uid, a.what AS what
ORDER BY a.at DESC, a.uid DESC
SKIP $skip LIMIT $limit
