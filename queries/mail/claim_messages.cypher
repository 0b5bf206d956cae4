// name: claim_messages
// mode: write
// params: now, claim_until, limit
// returns: up to $limit pending messages due now, claimed until $claim_until
// The one Outbox node is locked first (like an event for registrations), so two senders
// never claim the same message: the second sees the first's claim once it may read.
MERGE (o:Outbox {key: 'outbox'})
SET o.claims = coalesce(o.claims, 0) + 1
WITH o
MATCH (m:Message {status: 'pending'})
WHERE m.next_attempt_at <= $now
WITH m ORDER BY m.next_attempt_at, m.created_at, m.uid LIMIT $limit
SET m.next_attempt_at = $claim_until
RETURN m AS message
