// name: delete_expired_messages
// mode: write
// changes: registrations
// params: before, batch
// returns: one row: how many sent outbox messages (sent before $before) were deleted, at most $batch
MATCH (m:Message)
WHERE m.status = 'sent' AND toString(m.sent_at) < $before
WITH m LIMIT $batch
DETACH DELETE m
RETURN count(*) AS deleted
