// name: claim_submission
// mode: write
// params: key, claim, request, now
// returns: one row: whether this call claimed the key (mine), and what the first request with
//   this key left (state pending or done, its answer). The uniqueness constraint on
//   Submission.key makes MERGE safe against a concurrent retry: only one of them creates.
MERGE (s:Submission {key: $key})
ON CREATE SET s.claim = $claim, s.request = $request, s.at = $now, s.state = 'pending'
RETURN s.claim = $claim AS mine, s.request AS request, s.state AS state, s.at AS at,
       s.status AS status, s.body AS body, s.location AS location
