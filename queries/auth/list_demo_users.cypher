// name: list_demo_users
// mode: read
// params: none
// returns: the active accounts that still carry the published demo password
MATCH (u:User)
WHERE u.demo = true AND u.active = true
RETURN u.email AS email, u.role AS role
ORDER BY email
