// name: create_participant_messages
// mode: write
// params: event, group, batch, message, subject, body
// returns: one row: messages (how many this batch holds for the group; a batch sent twice, e.g. a
//          double click, makes no second message: each one's uid is the registration's and the batch's)
// An organiser's own text to one group of participants (see count_message_recipients): one outbox
// message per recipient, rendered in the recipient's language around the organiser's text.
MATCH (e:Event {uid: $event})<-[:FOR]-(r:Registration)
WHERE r.email IS NOT NULL AND (($group = 'all' AND r.status <> 'cancelled') OR r.status = $group
      OR ($group = 'checked_in' AND r.status = 'confirmed' AND r.checked_in_at IS NOT NULL))
MERGE (m:Message {uid: r.uid + '-' + $batch})
  ON CREATE SET m += $message, m.kind = 'organiser', m.subject = $subject, m.body = $body,
                m.event_uid = e.uid, m.event_name = e.name, m.event_starts_at = e.starts_at,
                m.to_email = r.email, m.to_name = r.name, m.language = r.language
MERGE (m)-[:ABOUT]->(r)
RETURN count(m) AS messages
