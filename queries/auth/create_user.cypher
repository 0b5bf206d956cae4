// name: create_user
// mode: write
// params: uid, email, name, role, password_hash, session_token, demo, now, created_by
// returns: one row with the new user's uid (a second user with the same e-mail breaks the constraint)
CREATE (u:User {uid: $uid, email: $email, name: $name, role: $role, active: true,
                password_hash: $password_hash, session_token: $session_token, demo: $demo,
                created_at: $now, created_by: $created_by, updated_at: $now})
RETURN u.uid AS uid
