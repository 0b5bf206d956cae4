// name: list_messages_to
// mode: read
// params: emails
// returns: every outbox message addressed to one of $emails (trimmed, lower case), oldest first;
//          the personal link in a message is not returned (it opens a registration)
// cache: no (an access request reads what is there now)
MATCH (m:Message)
WHERE toLower(trim(coalesce(m.to_email, ''))) IN $emails
RETURN m.uid AS uid, m.kind AS kind, m.status AS status, m.to_email AS to_email, m.to_name AS to_name,
       m.language AS language, m.subject AS subject, m.event_name AS event_name, m.created_at AS created_at,
       m.sent_at AS sent_at
ORDER BY created_at, uid
