// name: anonymise_registrations
// mode: write
// params: event, registrations, now
// returns: one row: anonymised (registrations emptied now; ones done before do not count again)
// Erasure and retention: name, e-mail, organisation and answers go; status, order, dates, the
// consent's version and the check-in time stay, so every count stays right. Personal links and
// pending messages are deleted; sent messages keep only what they were (kind, dates). An
// invitation of the same e-mail for this event loses its name and e-mail too.
// One FOREACH per removed property: FalkorDB 4.16 removed the wrong properties when one SET or
// REMOVE clause deleted several of a node's properties at once (found by the tests).
MATCH (e:Event {uid: $event})<-[:FOR]-(r:Registration)
WHERE r.uid IN $registrations AND r.anonymised_at IS NULL
WITH e, collect(r) AS rs
WITH e, rs, [x IN rs | x.uid] AS uids, [x IN rs | x.email_key] AS keys
OPTIONAL MATCH (e)<-[:FOR]-(i:Invitation)
WHERE i.email_key IN keys
WITH rs, uids, collect(i) AS invitations
OPTIONAL MATCH (l:RegistrationLink)-[:OPENS]->(x:Registration)
WHERE x.uid IN uids
WITH rs, uids, invitations, collect(l) AS links
OPTIONAL MATCH (m:Message)-[:ABOUT]->(x:Registration)
WHERE x.uid IN uids
WITH rs, invitations, links, [y IN collect(m) WHERE y.status = 'pending'] AS pending,
     [y IN collect(m) WHERE y.status <> 'pending'] AS sent
FOREACH (x IN links | DETACH DELETE x)
FOREACH (x IN pending | DETACH DELETE x)
FOREACH (x IN sent | SET x.to_email = null)
FOREACH (x IN sent | SET x.to_name = null)
FOREACH (x IN sent | SET x.secret_link = null)
FOREACH (x IN sent | SET x.body = null)
FOREACH (x IN invitations | SET x.name = null)
FOREACH (x IN invitations | SET x.email = null)
FOREACH (x IN invitations | SET x.email_key = null)
FOREACH (x IN invitations | SET x.anonymised_at = $now)
FOREACH (x IN rs | SET x.name = null)
FOREACH (x IN rs | SET x.email = null)
FOREACH (x IN rs | SET x.email_key = null)
FOREACH (x IN rs | SET x.organisation = null)
FOREACH (x IN rs | SET x.form_token = null)
FOREACH (x IN rs | SET x.answers = '{}', x.anonymised_at = $now)
RETURN size(rs) AS anonymised
