// name: count_confirmed_registrations
// mode: write
// params: none
// returns: one row: events (how many events got their counter)
// Data migration 3: every event's registration_confirmed from its confirmed registrations (the
// counter create_registrations reads instead of counting; older graphs lack it).
MATCH (e:Event)
OPTIONAL MATCH (e)<-[:FOR]-(r:Registration {status: 'confirmed'})
WITH e, count(r) AS confirmed
SET e.registration_confirmed = confirmed
RETURN count(e) AS events
