// name: get_user_by_uid
// mode: read
// params: uid
// returns: at most one row: the user's account fields (no password hash)
MATCH (u:User {uid: $uid})
RETURN u.uid AS uid, u.email AS email, u.name AS name, u.role AS role,
       u.active AS active, u.session_token AS session_token, u.demo AS demo
