// name: resend_registration_link
// mode: write
// params: event, registration, link_hash, message, now
// returns: one row with the message's uid: a fresh personal link to an existing registration
//          and its outbox message, in one statement (the old links keep working)
MATCH (e:Event {uid: $event})<-[:FOR]-(r:Registration {uid: $registration})
CREATE (l:RegistrationLink {hash: $link_hash})-[:OPENS]->(r)
SET l.created_at = $now
CREATE (m:Message)-[:ABOUT]->(r)
SET m += $message, m.kind = 'existing', m.event_uid = e.uid, m.event_name = e.name,
    m.event_starts_at = e.starts_at, m.to_email = r.email, m.to_name = r.name, m.language = r.language
RETURN m.uid AS uid
