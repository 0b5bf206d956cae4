// name: count_expired_messages
// mode: read
// cache: no (the cutoff moves with every run)
// params: before
// returns: one row: the outbox messages sent before $before (ISO timestamp); pending ones stay
MATCH (m:Message)
WHERE m.status = 'sent' AND toString(m.sent_at) < $before
RETURN count(m) AS due
