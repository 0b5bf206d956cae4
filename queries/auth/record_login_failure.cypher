// name: record_login_failure
// mode: write
// params: keys, now, since
// returns: one row per key with the failures inside the window, this one included
UNWIND $keys AS key
MERGE (t:LoginThrottle {key: key})
SET t.failures = [f IN coalesce(t.failures, []) WHERE f > $since] + [$now]
RETURN t.key AS key, size(t.failures) AS failures
