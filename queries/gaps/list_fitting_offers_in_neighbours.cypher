// name: list_fitting_offers_in_neighbours
// mode: read
// params: districts, field, target_group, language, weekday
// returns: for each district uid given, the active fitting offers IN a neighbouring district
//          (NEIGHBOURS, either direction) or below it: the district, the neighbour (uid, name),
//          the offer's uid and name; by offer name, so the first few per district are shown
UNWIND $districts AS district
MATCH (d:District {uid: district})-[:NEIGHBOURS]-(n:District)
MATCH (n)<-[:PART_OF*0..4]-(:District)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
  AND ($field = '' OR $field IN coalesce(o.fields, []))
  AND ($target_group = '' OR $target_group IN coalesce(o.target_groups, []))
  AND ($language = '' OR $language IN coalesce(o.languages, []))
  AND ($weekday = '' OR $weekday IN coalesce(o.weekdays, []))
RETURN DISTINCT d.uid AS district, n.uid AS neighbour, n.name AS neighbour_name, o.uid AS uid, o.name AS name
ORDER BY district, name, uid, neighbour_name, neighbour
