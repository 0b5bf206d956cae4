// name: list_people_by_email
// mode: read
// params: emails
// returns: people whose e-mail, trimmed and in lower case, is one of $emails (normalised e-mails),
//          the oldest first (a participant is matched to the first)
MATCH (p:Person)
WHERE p.email IS NOT NULL AND toLower(trim(p.email)) IN $emails
RETURN p.uid AS uid, p.name AS name, toLower(trim(p.email)) AS email_key
ORDER BY p.created_at, p.uid
