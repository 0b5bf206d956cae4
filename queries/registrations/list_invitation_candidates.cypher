// name: list_invitation_candidates
// mode: read
// params: event, districts, field, round_table, knows
// returns: people of the network who match every given filter (null: not filtered), with the
//          actors they work at, whether they have an e-mail, and the state of an invitation to
//          this event if they have one. The filters:
//          districts: uids (an area with everything below it, computed before) where one of
//            their actors, or a round table they are the contact person of, is active;
//          field: a field of action of one of their actors;
//          round_table: they are its contact person, or one of their actors is a member;
//          knows: an actor's uid; they know (KNOWS, either way) someone who works there.
// Each group of OPTIONAL MATCHes is collected (DISTINCT) before the next, so rows never pile up; the filters
// compare lists, because FalkorDB refuses pattern predicates behind OR and comprehensions in WHERE.
// A person who withdrew their consent (consent_withdrawn_at) is not offered (docs/consent.md).
MATCH (p:Person)
WHERE p.consent_withdrawn_at IS NULL
OPTIONAL MATCH (p)-[:WORKS_AT]->(a:Actor)
OPTIONAL MATCH (a)-[:ACTIVE_IN]->(ad:District)
OPTIONAL MATCH (a)-[:MEMBER_OF]->(at:RoundTable)
WITH p, collect(DISTINCT a) AS actors, collect(DISTINCT ad.uid) AS actor_districts, collect(DISTINCT at.uid) AS member_of
OPTIONAL MATCH (t:RoundTable)-[:CONTACT_PERSON]->(p)
OPTIONAL MATCH (t)-[:ACTIVE_IN]->(td:District)
WITH p, actors, actor_districts, member_of, collect(DISTINCT t.uid) AS contact_of,
     collect(DISTINCT td.uid) AS table_districts
OPTIONAL MATCH (p)-[:KNOWS]-(:Person)-[:WORKS_AT]->(k:Actor)
WITH p, actors, actor_districts + table_districts AS districts, member_of + contact_of AS tables,
     collect(DISTINCT k.uid) AS knows_in,
     reduce(all_fields = [], a IN actors | all_fields + coalesce(a.fields, [])) AS fields
WHERE ($districts IS NULL OR any(d IN districts WHERE d IN $districts))
  AND ($field IS NULL OR $field IN fields)
  AND ($round_table IS NULL OR $round_table IN tables)
  AND ($knows IS NULL OR $knows IN knows_in)
OPTIONAL MATCH (p)<-[:TO]-(i:Invitation)-[:FOR]->(:Event {uid: $event})
WITH p, actors, collect(i.status) AS invited
RETURN p.uid AS uid, p.name AS name, p.email AS email,
       coalesce(p.email, '') <> '' AS has_email,
       [a IN actors | a.name] AS actors,
       CASE WHEN size(invited) = 0 THEN null ELSE invited[0] END AS invitation
ORDER BY p.name_key, p.name, p.uid
