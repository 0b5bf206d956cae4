// name: list_registrations_matching
// mode: read
// params: text, email
// returns: registrations not yet anonymised whose name in lower case contains $text (when given) or
//          whose normalised e-mail is $email (when given), with their event, at most 200
// cache: no (an access request reads what is there now)
MATCH (r:Registration)-[:FOR]->(e:Event)
WHERE r.anonymised_at IS NULL
  AND (($text <> '' AND toLower(coalesce(r.name, '')) CONTAINS $text)
       OR ($email <> '' AND r.email_key = $email))
RETURN r.uid AS uid, r.name AS name, r.email_key AS email, r.status AS status, e.uid AS event_uid,
       e.name AS event_name, e.starts_at AS event_starts_at
ORDER BY email, event_starts_at, uid
LIMIT 200
