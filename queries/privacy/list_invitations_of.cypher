// name: list_invitations_of
// mode: read
// params: person, emails
// returns: invitations to the person (TO link) or to one of the e-mails (normalised), with their
//          event; the token hash is not returned (it opens the invitation)
// cache: no (an access request reads what is there now)
MATCH (i:Invitation)-[:FOR]->(e:Event)
WHERE i.email_key IN $emails
RETURN i.uid AS uid, i.name AS name, i.email AS email, i.status AS status, i.created_at AS created_at,
       i.anonymised_at AS anonymised_at, e.uid AS event_uid, e.name AS event_name
UNION
MATCH (:Person {uid: $person})<-[:TO]-(i:Invitation)-[:FOR]->(e:Event)
RETURN i.uid AS uid, i.name AS name, i.email AS email, i.status AS status, i.created_at AS created_at,
       i.anonymised_at AS anonymised_at, e.uid AS event_uid, e.name AS event_name
