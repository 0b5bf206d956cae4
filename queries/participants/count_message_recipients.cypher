// name: count_message_recipients
// mode: read
// params: event, group
// returns: one row: how many registrations of the event a message to $group reaches ('all': everyone
//          not cancelled; 'confirmed', 'waitlisted', 'cancelled'; 'checked_in'); anonymised ones never
MATCH (e:Event {uid: $event})
OPTIONAL MATCH (e)<-[:FOR]-(r:Registration)
WHERE r.email IS NOT NULL AND (($group = 'all' AND r.status <> 'cancelled') OR r.status = $group
      OR ($group = 'checked_in' AND r.status = 'confirmed' AND r.checked_in_at IS NOT NULL))
RETURN count(r) AS recipients
