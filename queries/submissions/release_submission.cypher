// name: release_submission
// mode: write
// params: key, claim
// returns: nothing; the request saved nothing (refused, invalid input), so a retry may run again
MATCH (s:Submission {key: $key})
WHERE s.claim = $claim
DELETE s
