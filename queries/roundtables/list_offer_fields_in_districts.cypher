// name: list_offer_fields_in_districts
// mode: read
// params: districts
// returns: the fields of action that have at least one active offer IN one of the given
//          districts or a district below it (up to four levels), with how many such offers;
//          by field code
UNWIND $districts AS district
MATCH (d:District {uid: district})
WITH d
MATCH (d)<-[:PART_OF*0..4]-(via:District)
WITH DISTINCT via
MATCH (via)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
WITH DISTINCT o
UNWIND coalesce(o.fields, []) AS field
RETURN field, count(o) AS offers
ORDER BY field
