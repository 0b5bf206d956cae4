// name: scrub_changes
// mode: write
// params: uid, old, new
// returns: one row: how many change summaries of the person's history named them (now the placeholder)
// Idempotent: once replaced, the old name is found no more. Summaries of link changes are recorded
// on both ends (register/record_change), so the other entry's history is scrubbed too. The changes
// are collected first: FalkorDB refused a SET on an OPTIONAL MATCH's variable with no match.
MATCH (p:Person {uid: $uid})
OPTIONAL MATCH (c:Change)-[:OF]->(p)
WHERE $old <> '' AND c.summary CONTAINS $old
WITH collect(DISTINCT c) AS changes
FOREACH (x IN changes | SET x.summary = replace(x.summary, $old, $new))
RETURN size(changes) AS scrubbed
