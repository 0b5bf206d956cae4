// name: create_person_invitations
// mode: write
// params: event, rows
// returns: one row per invitation made: the person's uid and the invitation's uid
// rows: [{person, invitation: {...}, message: {...}}]; the e-mail is the one the graph holds for
// the person now, never one sent in from a page. A person already invited to this event, or
// without an e-mail, or who withdrew their consent, is skipped; the invitation and its outbox message are made together.
MATCH (e:Event {uid: $event})
UNWIND $rows AS row
MATCH (p:Person {uid: row.person})
WHERE coalesce(p.email, '') <> '' AND p.consent_withdrawn_at IS NULL
OPTIONAL MATCH (p)<-[:TO]-(old:Invitation)-[:FOR]->(e)
WITH e, row, p, count(old) AS already
WHERE already = 0
CREATE (i:Invitation)-[:FOR]->(e)
SET i += row.invitation, i.status = 'sent', i.name = p.name, i.email = p.email
CREATE (i)-[:TO]->(p)
CREATE (m:Message)-[:ABOUT]->(i)
SET m += row.message, m.kind = 'invitation', m.event_uid = e.uid, m.event_name = e.name,
    m.event_starts_at = e.starts_at, m.to_email = i.email, m.to_name = i.name
RETURN p.uid AS person, i.uid AS uid
