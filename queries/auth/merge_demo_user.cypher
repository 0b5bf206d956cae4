// name: merge_demo_user
// mode: write
// params: uid, email, name, role, password_hash, session_token, now
// returns: one row; an existing account (maybe with a changed password) is left as it is
MERGE (u:User {email: $email})
  ON CREATE SET u.uid = $uid, u.name = $name, u.role = $role, u.active = true,
                u.password_hash = $password_hash, u.session_token = $session_token,
                u.demo = true, u.created_at = $now, u.created_by = 'seed', u.updated_at = $now
RETURN u.uid AS uid, u.demo AS demo
