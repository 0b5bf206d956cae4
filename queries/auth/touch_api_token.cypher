// name: touch_api_token
// mode: write
// params: hash, today
// returns: one row when the token exists
// The token's last use, noted by day: once a day per token, not once per request (a write per
// request would retire every cached read of every worker).
MATCH (t:ApiToken {hash: $hash})
SET t.last_used_at = $today
RETURN t.uid AS token
