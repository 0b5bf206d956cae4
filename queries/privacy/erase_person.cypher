// name: erase_person
// mode: write
// params: uid, name, name_key, name_start, now
// returns: one row with the person's uid (none: no such person)
// Art. 17: the entry keeps its uid and gets erased_at (kept at the first erasure, so a second run
// changes nothing); its name becomes the placeholder, contact details, function and consent note
// go; every link goes (who they know, where they work, whose contact they are) except invitations
// to them (anonymised beforehand; they keep an event's counts) and the entry's own history.
// One SET clause per removed property (see participants/anonymise_registrations).
MATCH (p:Person {uid: $uid})
OPTIONAL MATCH (p)-[r]-(m)
WHERE NOT m:Invitation AND NOT m:Change
WITH p, collect(r) AS links
FOREACH (x IN links | DELETE x)
SET p.email = null
SET p.phone = null
SET p.consent_note = null
SET p.function = null
SET p.name = $name, p.name_key = $name_key, p.name_start = $name_start, p.search = $name_key
SET p.erased_at = coalesce(p.erased_at, $now), p.updated_at = $now
RETURN p.uid AS uid
