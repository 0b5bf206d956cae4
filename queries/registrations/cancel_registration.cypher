// name: cancel_registration
// mode: write
// (no `changes: registrations`: a cancellation can free a place, so it retires the stable
// reads as well, among them get_event_full)
// params: event, registration, message, now
// returns: one row: cancelled (0 or 1), promoted (how many moved up from the waitlist)
// The counter registration_confirmed is set to what is confirmed afterwards (create_registrations
// reads it instead of counting). Event locked first (see create_registrations); the cancellation, its message, the move-up of
// the first waitlisted into the free place(s) and their messages are one statement.
MATCH (e:Event {uid: $event})
SET e.registration_seq = coalesce(e.registration_seq, 0) + 1
WITH e
OPTIONAL MATCH (e)<-[:FOR]-(r:Registration {uid: $registration})
WHERE r.status <> 'cancelled'
FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END |
  SET x.status = 'cancelled', x.cancelled_at = $now, x.checked_in_at = null
  CREATE (m:Message {uid: x.uid + '-cancelled'})-[:ABOUT]->(x)
  SET m += $message, m.kind = 'cancelled', m.event_uid = e.uid, m.event_name = e.name,
      m.event_starts_at = e.starts_at, m.to_email = x.email, m.to_name = x.name, m.language = x.language)
WITH e, count(r) AS cancelled
OPTIONAL MATCH (e)<-[c:FOR]-(:Registration {status: 'confirmed'})
WITH e, cancelled, count(c) AS taken
OPTIONAL MATCH (e)<-[:FOR]-(w:Registration {status: 'waitlisted'})
WITH e, cancelled, taken, w ORDER BY w.seq
WITH e, cancelled, taken, collect(w) AS waiting
WITH e, cancelled, taken, CASE WHEN e.capacity IS NULL THEN waiting
                        WHEN e.capacity > taken THEN waiting[0..(e.capacity - taken)]
                        ELSE [] END AS promoted
FOREACH (p IN promoted |
  SET p.status = 'confirmed', p.promoted_at = $now
  CREATE (m:Message {uid: p.uid + '-promoted'})-[:ABOUT]->(p)
  SET m += $message, m.kind = 'promoted', m.event_uid = e.uid, m.event_name = e.name,
      m.event_starts_at = e.starts_at, m.to_email = p.email, m.to_name = p.name, m.language = p.language)
SET e.registration_confirmed = taken + size(promoted)
RETURN cancelled, size(promoted) AS promoted
