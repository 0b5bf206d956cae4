// name: list_gap_areas
// mode: read
// params: area
// returns: the districts a gap question can be asked about: every city, and the Stadtbezirke of
//          the city that is $area or holds it ('' : none), each with uid, name, type and its
//          city's uid and name; unordered (the service sorts). A country-sized graph has a
//          thousand Stadtbezirke: listing them all cost the page more than the question.
MATCH (d:District)
WHERE d.type = 'city'
RETURN d.uid AS uid, d.name AS name, d.type AS type, d.uid AS city, d.name AS city_name
UNION
MATCH (:District {uid: $area})-[:PART_OF*0..1]->(c:District)
WHERE c.type = 'city'
MATCH (c)<-[:PART_OF]-(d:District)
WHERE d.type = 'Stadtbezirk'
RETURN d.uid AS uid, d.name AS name, d.type AS type, c.uid AS city, c.name AS city_name
UNION
// a Stadtbezirk asked about that belongs to no city is an area of its own
MATCH (d:District {uid: $area})
WHERE d.type = 'Stadtbezirk' AND NOT (d)-[:PART_OF]->(:District {type: 'city'})
RETURN d.uid AS uid, d.name AS name, d.type AS type, d.uid AS city, d.name AS city_name
