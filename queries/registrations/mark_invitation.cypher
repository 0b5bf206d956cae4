// name: mark_invitation
// mode: write
// params: event, token_hash, status, now
// returns: one row when the invitation exists; "opened" never overwrites a later state
MATCH (i:Invitation {token_hash: $token_hash})-[:FOR]->(:Event {uid: $event})
SET i.opened_at = coalesce(i.opened_at, $now),
    i.status = CASE WHEN $status = 'opened' AND i.status <> 'sent' THEN i.status ELSE $status END,
    i.declined_at = CASE WHEN $status = 'declined' THEN $now ELSE i.declined_at END
RETURN i.uid AS uid, i.status AS status
