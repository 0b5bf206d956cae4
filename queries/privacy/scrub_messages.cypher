// name: scrub_messages
// mode: write
// params: emails
// returns: one row: deleted (pending messages to the addresses: never sent now) and scrubbed (sent
//          or failed ones: they keep what they were, kind, subject and dates, not to whom or the text)
// One FOREACH per removed property (FalkorDB 4.16 removed the wrong properties when one SET
// deleted several of a node's properties at once; see participants/anonymise_registrations).
OPTIONAL MATCH (m:Message)
WHERE toLower(trim(coalesce(m.to_email, ''))) IN $emails
WITH collect(m) AS ms
WITH [x IN ms WHERE x.status = 'pending'] AS pending, [x IN ms WHERE x.status <> 'pending'] AS sent
FOREACH (x IN pending | DETACH DELETE x)
FOREACH (x IN sent | SET x.to_email = null)
FOREACH (x IN sent | SET x.to_name = null)
FOREACH (x IN sent | SET x.secret_link = null)
FOREACH (x IN sent | SET x.body = null)
RETURN size(pending) AS deleted, size(sent) AS scrubbed
