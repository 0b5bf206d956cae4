// name: list_printable_participants
// mode: read
// params: event
// returns: the confirmed participants with a name (for badges and the sign-in sheet), in order of arrival
MATCH (:Event {uid: $event})<-[:FOR]-(r:Registration)
WHERE r.status = 'confirmed' AND r.name IS NOT NULL
RETURN r.name AS name, r.organisation AS organisation, r.checked_in_at AS checked_in_at
ORDER BY r.seq, r.uid
