// name: mark_message_failed
// mode: write
// params: uid, error, next_attempt_at
// returns: one row: the attempt is counted and the next one scheduled; the message stays pending
MATCH (m:Message {uid: $uid})
WHERE m.status = 'pending'
SET m.attempts = coalesce(m.attempts, 0) + 1, m.last_error = $error, m.next_attempt_at = $next_attempt_at
RETURN m.uid AS uid, m.attempts AS attempts
