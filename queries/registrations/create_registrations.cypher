// name: create_registrations
// mode: write
// changes: registrations
// params: event, rows, limits, now, millis, since, address_limit, event_limit
// returns: one row per given row when the event exists (none when it is unknown): index, created
//          (true when the registration was made), limited (a rate limit is exceeded), open (the
//          window, status and visibility allow it), uid, status (confirmed | waitlisted), seq,
//          filled (true on every row when this statement took the event's last place)
// Group commit (docs/registrations.md, "Group commit"): the registrations that arrived at one
// worker process for one event while its previous statement ran, in one statement: one lock, one
// plan, one fsync. Each row ends exactly as if the rows had come one after another in `index`
// order, each its own statement:
// - rate limits: $limits holds each key of the batch once ({key, count}, sorted: locks in one
//   order); every attempt is recorded, and a row sees the hits of the rows before it
//   (row.address_after / row.event_after: rows after it with the same key, not yet "there");
// - the event is locked by the SET of its counter before anything is counted (Neo4j takes the
//   node's write lock; FalkorDB serialises writes anyway); every row takes the next number, as a
//   single attempt would, so `seq` is the order of arrival;
// - a row is a duplicate of a stored registration (same form token, or same e-mail and not
//   cancelled) found by the index, then checked to belong to this event (a traversal from the
//   event would walk all of its registrations). Rows of one batch never share an e-mail key or
//   a form token (the batcher defers such a row to the next batch), so they cannot duplicate
//   each other;
// - places: the accepted rows take the free places in index order, the rest go to the
//   waitlist; the counter registration_confirmed (kept by every statement that changes a status)
//   grows by what was confirmed.
// row: {index, uid, registration (map), link_hash, message (map), form_token, email_key,
//       invitation (hash or ''), manual, address_key, address_after, event_key, event_after}
MATCH (e:Event {uid: $event})
FOREACH (l IN $limits |
  MERGE (t:RateLimit {key: l.key})
  SET t.hits = [h IN coalesce(t.hits, []) WHERE h > $since] + [x IN range(1, l.count) | $millis])
SET e.registration_seq = coalesce(e.registration_seq, 0) + size($rows)
WITH e, e.registration_seq - size($rows) AS seq0, coalesce(e.registration_confirmed, 0) AS taken
UNWIND $rows AS row
OPTIONAL MATCH (a:RateLimit {key: row.address_key})
OPTIONAL MATCH (b:RateLimit {key: row.event_key})
OPTIONAL MATCH (i:Invitation {token_hash: row.invitation})
WHERE (i)-[:FOR]->(e)
WITH e, seq0, taken, row, i,
     (a IS NOT NULL AND size(a.hits) - row.address_after > $address_limit)
       OR (b IS NOT NULL AND size(b.hits) - row.event_after > $event_limit) AS limited,
     row.manual OR (e.status = 'published'
       AND (e.registration_opens IS NULL OR e.registration_opens <= $now)
       AND (e.registration_closes IS NULL OR $now < e.registration_closes)
       AND (e.visibility = 'public' OR (e.visibility = 'invitation' AND i IS NOT NULL))) AS open
OPTIONAL MATCH (f:Registration {form_token: row.form_token})
WHERE (f)-[:FOR]->(e)
WITH e, seq0, taken, row, i, limited, open, count(f) AS same_form
OPTIONAL MATCH (d:Registration {email_key: row.email_key})
WHERE d.status <> 'cancelled' AND (d)-[:FOR]->(e)
WITH e, seq0, taken, row, i, limited, open, same_form, count(d) AS duplicates
WITH e, seq0, taken,
     collect({index: row.index, row: row, invitation: i, limited: limited, open: open,
              ok: open AND NOT limited AND same_form + duplicates = 0}) AS checked
WITH e, seq0, taken, checked, size([c IN checked WHERE c.ok]) AS accepted
SET e.registration_confirmed = taken + CASE
      WHEN e.capacity IS NULL OR taken + accepted <= e.capacity THEN accepted
      WHEN taken >= e.capacity THEN 0
      ELSE e.capacity - taken END
WITH e, seq0, taken, checked
UNWIND checked AS c
WITH e, c, taken, c.row AS row, seq0 + c.index + 1 AS seq,
     CASE WHEN e.capacity IS NULL OR taken + size([x IN checked WHERE x.ok AND x.index < c.index]) < e.capacity
          THEN 'confirmed' ELSE 'waitlisted' END AS status
FOREACH (x IN CASE WHEN c.ok THEN [1] ELSE [] END |
  CREATE (r:Registration {uid: row.uid})-[:FOR]->(e)
  SET r += row.registration, r.seq = seq, r.status = status
  CREATE (l:RegistrationLink {hash: row.link_hash})-[:OPENS]->(r)
  SET l.created_at = $now
  CREATE (m:Message {uid: row.uid + '-registered'})-[:ABOUT]->(r)
  SET m += row.message, m.kind = status, m.event_uid = e.uid, m.event_name = e.name,
      m.event_starts_at = e.starts_at, m.to_email = r.email, m.to_name = r.name, m.language = r.language)
FOREACH (x IN CASE WHEN c.ok AND c.invitation IS NOT NULL THEN [c.invitation] ELSE [] END |
  SET x.status = 'registered', x.registered_at = $now)
RETURN c.index AS index, c.ok AS created, c.limited AS limited, c.open AS open, row.uid AS uid, status, seq,
       e.capacity IS NOT NULL AND taken < e.capacity AND e.registration_confirmed >= e.capacity AS filled
