// name: set_user_password
// mode: write
// params: uid, password_hash, session_token, now
// returns: one row if the user exists; a new password ends every other session and the demo flag
MATCH (u:User {uid: $uid})
SET u.password_hash = $password_hash, u.session_token = $session_token, u.demo = false,
    u.updated_at = $now
RETURN u.uid AS uid
