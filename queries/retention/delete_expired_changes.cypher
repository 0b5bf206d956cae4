// name: delete_expired_changes
// mode: write
// params: before, batch
// returns: one row: how many history entries (Change, made before $before) were deleted, at most
//          $batch (the caller repeats until none is left); the entries they described stay
MATCH (c:Change)
WHERE toString(c.at) < $before
WITH c LIMIT $batch
DETACH DELETE c
RETURN count(*) AS deleted
