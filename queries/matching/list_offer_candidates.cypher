// name: list_offer_candidates
// mode: read
// params: districts, field, limit
// returns: the active offers IN one of the given districts or in a district below it (up to
//          four levels) that have the field of action (empty: any), at most `limit` offers (by
//          their name), one row each, with `places`: the district, where the offer is (via uid,
//          name, type), and what matching compares (fields, target_groups, languages, weekdays,
//          time_from, time_to, cost), address and its providers' names
// the districts come as a list computed once: no pattern predicate per node (FalkorDB)
// and walked from the districts down: in one pattern FalkorDB starts from a scan of all offers
UNWIND $districts AS district
MATCH (d:District {uid: district})
WITH d
MATCH (d)<-[:PART_OF*0..4]-(via:District)
WITH d, via
MATCH (via)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
  AND ($field = '' OR $field IN coalesce(o.fields, []))
WITH DISTINCT o, d, via
ORDER BY o.name, o.uid, d.uid, via.name, via.uid
WITH o, collect({district: d.uid, via: via.uid, via_name: via.name, via_type: via.type}) AS places
ORDER BY o.name, o.uid
LIMIT $limit
OPTIONAL MATCH (a:Actor)-[:OFFERS]->(o)
WITH o, places, a
ORDER BY a.name, a.uid
WITH o, places, collect(a.name) AS providers
RETURN o.uid AS uid, o.name AS name, o.fields AS fields, o.target_groups AS target_groups,
       o.languages AS languages, o.weekdays AS weekdays, o.time_from AS time_from,
       o.time_to AS time_to, o.cost AS cost, o.address AS address, providers, places
ORDER BY name, uid
