// name: delete_expired_audit_entries
// mode: write
// changes: audit
// params: before, batch
// returns: one row: how many audit entries older than $before were deleted, at most $batch
MATCH (a:AuditEntry)
WHERE toString(a.at) < $before
WITH a LIMIT $batch
DELETE a
RETURN count(*) AS deleted
