// name: list_person_consents
// mode: read
// params: person
// returns: the person's consent records, newest first: uid, purpose, version, how, evidence,
//          given_at, recorded_at, recorded_by, withdrawn_at, withdrawn_by, withdrawn_how,
//          withdrawn_note, and the names of the accounts that recorded and withdrew them
MATCH (:Person {uid: $person})<-[:OF]-(c:Consent)
OPTIONAL MATCH (u:User {uid: c.recorded_by})
OPTIONAL MATCH (w:User {uid: c.withdrawn_by})
RETURN c.uid AS uid, c.purpose AS purpose, c.version AS version, c.how AS how, c.evidence AS evidence,
       c.given_at AS given_at, c.recorded_at AS recorded_at, c.recorded_by AS recorded_by,
       u.name AS recorded_by_name, c.withdrawn_at AS withdrawn_at, c.withdrawn_by AS withdrawn_by,
       w.name AS withdrawn_by_name, c.withdrawn_how AS withdrawn_how, c.withdrawn_note AS withdrawn_note
ORDER BY c.recorded_at DESC, c.uid
