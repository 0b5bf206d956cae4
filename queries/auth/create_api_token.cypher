// name: create_api_token
// mode: write
// params: uid, user, hash, name, prefix, now
// returns: one row if the user exists; only the token's hash is stored, never the token
MATCH (u:User {uid: $user})
CREATE (t:ApiToken {uid: $uid, hash: $hash, name: $name, prefix: $prefix, created_at: $now})
CREATE (t)-[:OF]->(u)
RETURN t.uid AS uid
