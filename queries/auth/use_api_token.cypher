// name: use_api_token
// mode: write
// params: hash, today
// returns: at most one row: the active user a token belongs to (the token's last use is noted by day)
MATCH (t:ApiToken {hash: $hash})-[:OF]->(u:User)
WHERE u.active = true
SET t.last_used_at = $today
RETURN u.uid AS uid, u.email AS email, u.name AS name, u.role AS role, u.active AS active,
       u.session_token AS session_token, u.demo AS demo
