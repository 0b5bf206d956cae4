// name: count_expired_throttles
// mode: read
// cache: no (the cutoff moves with every run)
// params: before
// returns: one row: login throttle records and registration rate limits whose every failure or
//          attempt (epoch ms) lies before $before, and which no longer throttle anyone
OPTIONAL MATCH (t:LoginThrottle)
WHERE all(f IN coalesce(t.failures, []) WHERE f < $before)
WITH count(t) AS logins
OPTIONAL MATCH (r:RateLimit)
WHERE all(h IN coalesce(r.hits, []) WHERE h < $before)
RETURN logins, count(r) AS registrations
