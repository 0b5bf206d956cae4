// name: list_users
// mode: read
// params: none
// returns: every account with its role and state (no password hashes)
MATCH (u:User)
RETURN u.uid AS uid, u.email AS email, u.name AS name, u.role AS role, u.active AS active,
       u.demo AS demo, u.created_at AS created_at
ORDER BY email
