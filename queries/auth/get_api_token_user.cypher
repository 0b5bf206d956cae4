// name: get_api_token_user
// mode: read
// cache: stable (tokens and users only: registrations do not retire it; revoking a token or
//        deactivating a user is an ordinary write, which does)
// params: hash
// returns: at most one row: the active user a token belongs to, and the day the token was last used
MATCH (t:ApiToken {hash: $hash})-[:OF]->(u:User)
WHERE u.active = true
RETURN t.last_used_at AS last_used_at, u.uid AS uid, u.email AS email, u.name AS name,
       u.role AS role, u.active AS active, u.session_token AS session_token, u.demo AS demo
