// name: record_registration_attempt
// mode: write
// params: keys, now, since
// returns: one row per key with the attempts inside the window, this one included
// keys are keyed hashes (of the address, of the event): no IP address is stored
UNWIND $keys AS key
MERGE (t:RateLimit {key: key})
SET t.hits = [h IN coalesce(t.hits, []) WHERE h > $since] + [$now]
RETURN t.key AS key, size(t.hits) AS hits
