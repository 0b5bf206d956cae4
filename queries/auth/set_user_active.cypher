// name: set_user_active
// mode: write
// params: email, active, session_token, now
// returns: one row if the user exists; deactivating also ends the user's sessions
MATCH (u:User {email: $email})
SET u.active = $active, u.session_token = $session_token, u.updated_at = $now
RETURN u.uid AS uid
