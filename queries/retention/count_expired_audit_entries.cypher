// name: count_expired_audit_entries
// mode: read
// cache: no (the cutoff moves with every run)
// params: before
// returns: one row: the audit entries older than $before (ISO timestamp)
MATCH (a:AuditEntry)
WHERE toString(a.at) < $before
RETURN count(a) AS due
