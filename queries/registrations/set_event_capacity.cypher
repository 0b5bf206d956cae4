// name: set_event_capacity
// mode: write
// params: event, capacity, message, now
// returns: one row: promoted (how many moved up); no row when the event is unknown
// The counter registration_confirmed is set to what is confirmed afterwards (create_registrations
// reads it instead of counting). Event locked first; a raised capacity (or none: unlimited) moves the first waitlisted up at
// once, with their messages, in the same statement. A lowered one moves nobody down.
MATCH (e:Event {uid: $event})
SET e.registration_seq = coalesce(e.registration_seq, 0) + 1, e.capacity = $capacity
WITH e
OPTIONAL MATCH (e)<-[c:FOR]-(:Registration {status: 'confirmed'})
WITH e, count(c) AS taken
OPTIONAL MATCH (e)<-[:FOR]-(w:Registration {status: 'waitlisted'})
WITH e, taken, w ORDER BY w.seq
WITH e, taken, collect(w) AS waiting
WITH e, taken, CASE WHEN e.capacity IS NULL THEN waiting
             WHEN e.capacity > taken THEN waiting[0..(e.capacity - taken)]
             ELSE [] END AS promoted
FOREACH (p IN promoted |
  SET p.status = 'confirmed', p.promoted_at = $now
  CREATE (m:Message {uid: p.uid + '-promoted'})-[:ABOUT]->(p)
  SET m += $message, m.kind = 'promoted', m.event_uid = e.uid, m.event_name = e.name,
      m.event_starts_at = e.starts_at, m.to_email = p.email, m.to_name = p.name, m.language = p.language)
SET e.registration_confirmed = taken + size(promoted)
RETURN size(promoted) AS promoted
