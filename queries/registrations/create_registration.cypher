// name: create_registration
// mode: write
// changes: registrations
// params: event, uid, registration, link_hash, message, form_token, email_key, invitation, manual, now, address_key, address_limit, event_key, event_limit, millis, since
// returns: one row when the event exists: created (true when the registration was made), limited
//          (a rate limit is exceeded), open (the window, status and visibility allow it), uid,
//          status (confirmed | waitlisted), seq; no row when the event is unknown
// One statement per registration, and the only round trip that writes (docs/registrations.md,
// "The lean path"): the rate-limit bookkeeping (keyed hashes; '' skips a key, as for API keys),
// the event's lock, the duplicate check, the count, the registration, its link and its outbox
// message. The event is locked by the SET of its counter before anything is counted: Neo4j takes
// the node's write lock (FalkorDB serialises writes anyway), so the duplicate check, the count of
// confirmed places (the counter registration_confirmed, kept by every statement that changes a
// status, so that no registration has to walk all the others) and the new registration form one
// indivisible step. The counter is not `version`: that guards the event's edit form.
MATCH (e:Event {uid: $event})
FOREACH (key IN [k IN [$address_key, $event_key] WHERE k <> ''] |
  MERGE (t:RateLimit {key: key})
  SET t.hits = [h IN coalesce(t.hits, []) WHERE h > $since] + [$millis])
WITH e
OPTIONAL MATCH (a:RateLimit {key: $address_key})
OPTIONAL MATCH (b:RateLimit {key: $event_key})
OPTIONAL MATCH (i:Invitation {token_hash: $invitation})-[:FOR]->(e)
WITH e, i, (a IS NOT NULL AND size(a.hits) > $address_limit) OR (b IS NOT NULL AND size(b.hits) > $event_limit) AS limited,
     $manual OR (e.status = 'published'
       AND (e.registration_opens IS NULL OR e.registration_opens <= $now)
       AND (e.registration_closes IS NULL OR $now < e.registration_closes)
       AND (e.visibility = 'public' OR (e.visibility = 'invitation' AND i IS NOT NULL))) AS open
SET e.registration_seq = coalesce(e.registration_seq, 0) + 1
WITH e, i, limited, open
OPTIONAL MATCH (f:Registration {form_token: $form_token})-[:FOR]->(e)
WITH e, i, limited, open, count(f) AS same_form
OPTIONAL MATCH (d:Registration {email_key: $email_key})-[:FOR]->(e)
WHERE d.status <> 'cancelled'
WITH e, i, limited, open, same_form, count(d) AS duplicates
WITH e, i, limited, open, open AND NOT limited AND same_form + duplicates = 0 AS ok,
     coalesce(e.registration_confirmed, 0) AS taken
WITH e, i, limited, open, ok,
     CASE WHEN e.capacity IS NULL OR taken < e.capacity THEN 'confirmed' ELSE 'waitlisted' END AS status
SET e.registration_confirmed = coalesce(e.registration_confirmed, 0)
                               + CASE WHEN ok AND status = 'confirmed' THEN 1 ELSE 0 END
FOREACH (x IN CASE WHEN ok THEN [1] ELSE [] END |
  CREATE (r:Registration {uid: $uid})-[:FOR]->(e)
  SET r += $registration, r.seq = e.registration_seq, r.status = status
  CREATE (l:RegistrationLink {hash: $link_hash})-[:OPENS]->(r)
  SET l.created_at = $now
  CREATE (m:Message {uid: $uid + '-registered'})-[:ABOUT]->(r)
  SET m += $message, m.kind = status, m.event_uid = e.uid, m.event_name = e.name,
      m.event_starts_at = e.starts_at, m.to_email = r.email, m.to_name = r.name, m.language = r.language)
FOREACH (x IN CASE WHEN ok AND i IS NOT NULL THEN [i] ELSE [] END |
  SET x.status = 'registered', x.registered_at = $now)
RETURN ok AS created, limited, open, $uid AS uid, status, e.registration_seq AS seq
