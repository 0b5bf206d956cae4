// name: update_registration_answers
// mode: write
// params: registration, name, answers, now
// returns: one row when an active registration was changed
MATCH (r:Registration {uid: $registration})
WHERE r.status <> 'cancelled'
SET r.name = $name, r.answers = $answers, r.updated_at = $now
RETURN r.uid AS uid
