// name: count_covered_districts_by_field
// mode: read
// params: level
// returns: per field of action (code), how many districts of the type `level` have an active
//          offer of it IN them or in a district below (up to four levels); by code
// walked from the districts down, one step at a time (FalkorDB would start from all offers)
MATCH (d:District)
WHERE d.type = $level
WITH d
MATCH (d)<-[:PART_OF*0..4]-(via:District)
WITH DISTINCT d, via
MATCH (via)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
UNWIND coalesce(o.fields, []) AS field
RETURN field, count(DISTINCT d) AS covered
ORDER BY field
