// name: list_event_messages
// mode: read
// params: event
// returns: the outbox messages of one event, newest first (at most 500)
MATCH (m:Message {event_uid: $event})
RETURN m AS message
ORDER BY m.created_at DESC, m.uid
LIMIT 500
