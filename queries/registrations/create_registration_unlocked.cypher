// name: create_registration_unlocked
// mode: write
// changes: registrations
// params: event, uid, registration, link_hash, message, form_token, email_key, invitation, manual, now, status
// returns: one row (created, limited, open, uid, status, seq) when the registration was made;
//          no row otherwise
// TEST ONLY (NETZWERK_TEST_UNLOCKED_REGISTRATION=1, refused outside NETZWERK_ENV=test): the
// control run of the concurrency proof. What a registration without the lock does: the places
// were counted by an earlier read (get_registration_event), and $status was decided from that
// count in Python, so two requests can both see the last free place.
MATCH (e:Event {uid: $event})
OPTIONAL MATCH (i:Invitation {token_hash: $invitation})-[:FOR]->(e)
WITH e, i
WHERE $manual OR (e.status = 'published'
  AND (e.registration_opens IS NULL OR e.registration_opens <= $now)
  AND (e.registration_closes IS NULL OR $now < e.registration_closes)
  AND (e.visibility = 'public' OR (e.visibility = 'invitation' AND i IS NOT NULL)))
OPTIONAL MATCH (e)<-[:FOR]-(d:Registration)
WHERE d.form_token = $form_token OR (d.email_key = $email_key AND d.status <> 'cancelled')
WITH e, i, count(d) AS existing
OPTIONAL MATCH (e)<-[a:FOR]-(:Registration)
WITH e, i, existing, count(a) AS made
WHERE existing = 0
CREATE (r:Registration {uid: $uid})
SET r += $registration, r.seq = made + 1, r.status = $status,
    e.registration_confirmed = coalesce(e.registration_confirmed, 0) + CASE WHEN $status = 'confirmed' THEN 1 ELSE 0 END
CREATE (r)-[:FOR]->(e)
CREATE (l:RegistrationLink {hash: $link_hash})-[:OPENS]->(r)
SET l.created_at = $now
CREATE (m:Message {uid: $uid + '-registered'})-[:ABOUT]->(r)
SET m += $message, m.kind = r.status, m.event_uid = e.uid, m.event_name = e.name,
    m.event_starts_at = e.starts_at, m.to_email = r.email, m.to_name = r.name, m.language = r.language
FOREACH (x IN CASE WHEN i IS NULL THEN [] ELSE [i] END |
  SET x.status = 'registered', x.registered_at = $now)
RETURN true AS created, false AS limited, true AS open, r.uid AS uid, r.status AS status, r.seq AS seq
