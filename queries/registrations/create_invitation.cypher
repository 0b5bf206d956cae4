// name: create_invitation
// mode: write
// params: event, invitation, message
// returns: one row with the invitation's uid; the invitation and its outbox message in one statement
MATCH (e:Event {uid: $event})
CREATE (i:Invitation)-[:FOR]->(e)
SET i += $invitation, i.status = 'sent'
CREATE (m:Message)-[:ABOUT]->(i)
SET m += $message, m.kind = 'invitation', m.event_uid = e.uid, m.event_name = e.name,
    m.event_starts_at = e.starts_at, m.to_email = i.email, m.to_name = i.name
RETURN i.uid AS uid
