// name: anonymise_invitations
// mode: write
// params: person, emails, now
// returns: one row: how many invitations (to the person, or to one of the e-mails) lost name and
//          e-mail now; they stay, with their status, so an event's invitation counts stay right
OPTIONAL MATCH (i:Invitation)
WHERE i.email_key IN $emails OR (i)-[:TO]->(:Person {uid: $person})
WITH collect(i) AS found
WITH [x IN found WHERE x.anonymised_at IS NULL] AS invitations
FOREACH (x IN invitations | SET x.name = null)
FOREACH (x IN invitations | SET x.email = null)
FOREACH (x IN invitations | SET x.email_key = null)
FOREACH (x IN invitations | SET x.anonymised_at = $now)
RETURN size(invitations) AS anonymised
