// name: delete_person_consents
// mode: write
// params: uid
// returns: one row per consent record deleted (none: the person had none, or they are gone already)
// Art. 17: an erased person's consent records go with them. Their evidence and withdrawal notes
// are free text that may name the person; what remains to show is the erasure itself (the
// audit log and the entry's history record it).
MATCH (c:Consent)-[:OF]->(:Person {uid: $uid})
WITH c, c.uid AS uid
DETACH DELETE c
RETURN uid
