// name: set_user_active
// mode: write
// params: email, active, session_token, now
// returns: one row if the user exists, with the number of API keys revoked; deactivating ends
//          the user's sessions and revokes their API keys at once
MATCH (u:User {email: $email})
SET u.active = $active, u.session_token = $session_token, u.updated_at = $now
WITH u
OPTIONAL MATCH (t:ApiToken)-[:OF]->(u)
WHERE $active = false
DETACH DELETE t
RETURN u.uid AS uid, count(t) AS revoked
