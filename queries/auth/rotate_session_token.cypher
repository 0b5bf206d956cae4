// name: rotate_session_token
// mode: write
// params: uid, session_token
// returns: one row if the user exists; every session cookie issued before is void from now on
MATCH (u:User {uid: $uid})
SET u.session_token = $session_token
RETURN u.uid AS uid
