// name: get_registration_subject
// mode: read
// params: registration
// returns: at most one row: the registration's name, normalised e-mail, anonymisation time and event
// cache: no (an access request reads what is there now)
MATCH (r:Registration {uid: $registration})-[:FOR]->(e:Event)
RETURN r.uid AS uid, r.name AS name, r.email_key AS email, r.anonymised_at AS anonymised_at,
       e.uid AS event_uid
