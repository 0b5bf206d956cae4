// name: set_user_role
// mode: write
// params: uid, role, session_token, now
// returns: one row if the user exists; a new role ends the user's sessions, so it applies at once
MATCH (u:User {uid: $uid})
SET u.role = $role, u.session_token = $session_token, u.updated_at = $now
RETURN u.uid AS uid
