// name: scrub_changes
// mode: write
// params: uid, old, new
// returns: one row: how many change summaries of the person's history named them (now the placeholder)
// Idempotent: once replaced, the old name is found no more. Summaries of link changes are recorded
// on both ends (register/record_change), so the other entry's history is scrubbed too.
OPTIONAL MATCH (c:Change)-[:OF]->(:Person {uid: $uid})
WITH DISTINCT c
WHERE c IS NOT NULL AND $old <> '' AND c.summary CONTAINS $old
SET c.summary = replace(c.summary, $old, $new)
RETURN count(c) AS scrubbed
