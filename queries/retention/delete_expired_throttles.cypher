// name: delete_expired_throttles
// mode: write
// params: before
// returns: one row: how many login throttle records and registration rate limits were deleted
//          (every failure or attempt before $before, epoch ms)
OPTIONAL MATCH (t:LoginThrottle)
WHERE all(f IN coalesce(t.failures, []) WHERE f < $before)
WITH collect(t) AS logins
OPTIONAL MATCH (r:RateLimit)
WHERE all(h IN coalesce(r.hits, []) WHERE h < $before)
WITH logins, collect(r) AS limits
FOREACH (t IN logins | DETACH DELETE t)
FOREACH (r IN limits | DETACH DELETE r)
RETURN size(logins) AS logins, size(limits) AS registrations
