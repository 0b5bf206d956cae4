// name: delete_stale_submissions
// mode: write
// params: before
// returns: nothing; idempotency keys and form tokens older than `before` are forgotten
MATCH (s:Submission)
WHERE s.at < $before
DELETE s
