// name: remember_login_address
// mode: write
// params: uid, key, keep
// returns: one row if the user exists; the keyed hash of an address the user signed in from
//          goes first in the user's list of known addresses, which keeps the newest $keep
MATCH (u:User {uid: $uid})
SET u.known_address_keys = ([$key] + [k IN coalesce(u.known_address_keys, []) WHERE k <> $key])[..$keep]
RETURN u.uid AS uid
