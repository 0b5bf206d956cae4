// name: delete_api_token
// mode: write
// params: uid, user
// returns: one row with the number of tokens revoked (0 if it is not the user's)
MATCH (t:ApiToken {uid: $uid})-[:OF]->(u:User {uid: $user})
DETACH DELETE t
RETURN count(*) AS revoked
