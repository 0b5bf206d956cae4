// name: count_login_failures
// mode: read
// cache: no (the params hold a time window that moves with every call)
// params: keys, since
// returns: one row per throttled key with the failures inside the window
MATCH (t:LoginThrottle)
WHERE t.key IN $keys
RETURN t.key AS key, size([f IN t.failures WHERE f > $since]) AS failures
