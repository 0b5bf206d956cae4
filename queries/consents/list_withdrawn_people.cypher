// name: list_withdrawn_people
// mode: read
// params: none
// returns: the uids of the people whose consent is withdrawn (consent_withdrawn_at): they are not
//          suggested for introductions nor invited from the network (docs/consent.md)
MATCH (p:Person)
WHERE p.consent_withdrawn_at IS NOT NULL
RETURN p.uid AS uid
ORDER BY uid
