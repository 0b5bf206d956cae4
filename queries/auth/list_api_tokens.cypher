// name: list_api_tokens
// mode: read
// params: user
// returns: the user's API tokens (name, first characters, dates), newest first
MATCH (t:ApiToken)-[:OF]->(u:User {uid: $user})
RETURN t.uid AS uid, t.name AS name, t.prefix AS prefix, t.created_at AS created_at,
       t.last_used_at AS last_used_at
ORDER BY created_at DESC
