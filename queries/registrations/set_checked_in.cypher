// name: set_checked_in
// mode: write
// params: event, registration, at
// returns: one row when a confirmed participant was checked in ($at) or out ($at null)
MATCH (:Event {uid: $event})<-[:FOR]-(r:Registration {uid: $registration})
WHERE r.status = 'confirmed'
SET r.checked_in_at = $at
RETURN r.uid AS uid, r.checked_in_at AS checked_in_at
