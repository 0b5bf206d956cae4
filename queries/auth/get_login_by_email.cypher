// name: get_login_by_email
// mode: read
// cache: no (password hashes are not kept in memory longer than a login check)
// params: email
// returns: at most one row: what a login check needs, with the password hash and the keyed
//          hashes of the addresses the user signed in from before
MATCH (u:User {email: $email})
RETURN u.uid AS uid, u.email AS email, u.name AS name, u.role AS role, u.active AS active,
       u.session_token AS session_token, u.demo AS demo, u.password_hash AS password_hash,
       coalesce(u.known_address_keys, []) AS known_address_keys
