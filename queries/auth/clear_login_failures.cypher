// name: clear_login_failures
// mode: write
// params: key
// returns: nothing; a successful login forgets the account's failures
MATCH (t:LoginThrottle {key: $key})
DELETE t
