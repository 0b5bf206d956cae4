// name: create_person_consent
// mode: write
// params: person, consent
// returns: one row when the person exists: the new consent record's uid
// consent: {uid, purpose, version, how, evidence, given_at, recorded_at, recorded_by (a user's
// uid)}. A record is never changed afterwards except by its withdrawal; a new consent is a new
// record, so the history shows every step. The person counts as consenting again.
MATCH (p:Person {uid: $person})
CREATE (c:Consent)-[:OF]->(p)
SET c += $consent
SET p.consent_withdrawn_at = null
RETURN c.uid AS uid
