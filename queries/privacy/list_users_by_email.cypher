// name: list_users_by_email
// mode: read
// params: emails
// returns: the accounts whose e-mail is one of $emails (normalised), without password hashes or tokens
// cache: no (an access request reads what is there now)
MATCH (u:User)
WHERE u.email IN $emails
RETURN u.uid AS uid, u.email AS email, u.name AS name, u.role AS role, u.active AS active,
       u.created_at AS created_at, u.updated_at AS updated_at
ORDER BY email, uid
