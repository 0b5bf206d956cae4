// name: list_registrations_by_email
// mode: read
// params: emails
// returns: every registration not yet anonymised whose normalised e-mail is one of $emails, with
//          its event's uid, oldest event first
// cache: no (an access request reads what is there now)
MATCH (r:Registration)-[:FOR]->(e:Event)
WHERE r.email_key IN $emails AND r.anonymised_at IS NULL
RETURN r.uid AS uid, e.uid AS event_uid
ORDER BY e.starts_at, e.uid, r.uid
