// name: set_user_password
// mode: write
// params: uid, password_hash, session_token, now
// returns: one row if the user exists, with the number of API keys revoked: a new password
//          ends every other session, every API key, the known addresses and the demo flag
MATCH (u:User {uid: $uid})
SET u.password_hash = $password_hash, u.session_token = $session_token, u.demo = false,
    u.known_address_keys = [], u.updated_at = $now
WITH u
OPTIONAL MATCH (t:ApiToken)-[:OF]->(u)
DETACH DELETE t
RETURN u.uid AS uid, count(t) AS revoked
