// name: complete_submission
// mode: write
// params: key, claim, status, body, location
// returns: one row if this claim still holds the key; a retry with the key gets this answer
MATCH (s:Submission {key: $key})
WHERE s.claim = $claim
SET s.state = 'done', s.status = $status, s.body = $body, s.location = $location
RETURN s.key AS key
