// name: withdraw_person_consent
// mode: write
// params: person, now, by, how, note
// returns: one row per consent record of the person withdrawn now (those not withdrawn before)
// The records stay as the proof of what was agreed and when; they gain when, by whom (a user's
// uid) and how the consent was withdrawn. The person is marked (consent_withdrawn_at), which
// keeps them out of the invitations from the network (docs/consent.md, "Honoured").
MATCH (p:Person {uid: $person})<-[:OF]-(c:Consent)
WHERE c.withdrawn_at IS NULL
SET c.withdrawn_at = $now, c.withdrawn_by = $by, c.withdrawn_how = $how, c.withdrawn_note = $note,
    p.consent_withdrawn_at = $now
RETURN c.uid AS uid
