// name: mark_message_sent
// mode: write
// params: uid, now, by
// returns: one row when a pending message is now sent; its secret link is deleted with it
MATCH (m:Message {uid: $uid})
WHERE m.status = 'pending'
SET m.status = 'sent', m.sent_at = $now, m.sent_by = $by, m.secret_link = null,
    m.attempts = coalesce(m.attempts, 0) + 1
RETURN m.uid AS uid
