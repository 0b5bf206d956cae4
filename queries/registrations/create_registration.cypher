// name: create_registration
// mode: write
// params: event, uid, registration, link_hash, message, form_token, email_key, invitation, manual, now
// returns: one row (uid, status, seq) when the registration was made; no row when the window is
//          closed, the event unknown, or this e-mail (or this form) is already registered
// The event is locked first: the SET of its counter takes Neo4j's write lock on the node (FalkorDB
// serialises writes anyway), so the count of confirmed places, the duplicate check, the new
// registration, its sequence number and its outbox message form one indivisible step.
// The counter is not `version`: that belongs to the event's edit form, which a registration
// must not make stale.
MATCH (e:Event {uid: $event})
OPTIONAL MATCH (i:Invitation {token_hash: $invitation})-[:FOR]->(e)
WITH e, i
WHERE $manual OR (e.status = 'published'
  AND (e.registration_opens IS NULL OR e.registration_opens <= $now)
  AND (e.registration_closes IS NULL OR $now < e.registration_closes)
  AND (e.visibility = 'public' OR (e.visibility = 'invitation' AND i IS NOT NULL)))
SET e.registration_seq = coalesce(e.registration_seq, 0) + 1
WITH e, i
OPTIONAL MATCH (e)<-[:FOR]-(d:Registration)
WHERE d.form_token = $form_token OR (d.email_key = $email_key AND d.status <> 'cancelled')
WITH e, i, count(d) AS existing
OPTIONAL MATCH (e)<-[c:FOR]-(:Registration {status: 'confirmed'})
WITH e, i, existing, count(c) AS taken
WHERE existing = 0
CREATE (r:Registration {uid: $uid})
SET r += $registration, r.seq = e.registration_seq,
    r.status = CASE WHEN e.capacity IS NULL OR taken < e.capacity THEN 'confirmed' ELSE 'waitlisted' END
CREATE (r)-[:FOR]->(e)
CREATE (l:RegistrationLink {hash: $link_hash})-[:OPENS]->(r)
SET l.created_at = $now
CREATE (m:Message {uid: $uid + '-registered'})-[:ABOUT]->(r)
SET m += $message, m.kind = r.status, m.event_uid = e.uid, m.event_name = e.name,
    m.event_starts_at = e.starts_at, m.to_email = r.email, m.to_name = r.name, m.language = r.language
FOREACH (x IN CASE WHEN i IS NULL THEN [] ELSE [i] END |
  SET x.status = 'registered', x.registered_at = $now)
RETURN r.uid AS uid, r.status AS status, r.seq AS seq
