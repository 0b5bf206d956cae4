// name: count_active_offers_by_field
// mode: read
// params: none
// returns: per field of action (code), the number of active offers that have it; by code
MATCH (o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
UNWIND coalesce(o.fields, []) AS field
RETURN field, count(o) AS offers
ORDER BY field
