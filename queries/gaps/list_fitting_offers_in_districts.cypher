// name: list_fitting_offers_in_districts
// mode: read
// params: districts, field, target_group, language, weekday
// returns: for each district uid given, the active offers that fit the filters (an empty filter
//          fits all) and are IN it or IN a district below it (roll-up, up to four levels): the
//          district, where the offer is (via), and the offer's uid and name
// the districts come as a list computed once: no pattern predicate per node (FalkorDB)
UNWIND $districts AS district
MATCH (d:District {uid: district})<-[:PART_OF*0..4]-(via:District)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
  AND ($field = '' OR $field IN coalesce(o.fields, []))
  AND ($target_group = '' OR $target_group IN coalesce(o.target_groups, []))
  AND ($language = '' OR $language IN coalesce(o.languages, []))
  AND ($weekday = '' OR $weekday IN coalesce(o.weekdays, []))
RETURN DISTINCT d.uid AS district, via.uid AS via, via.name AS via_name, via.type AS via_type,
       o.uid AS uid, o.name AS name
ORDER BY district, via_name, via, name, uid
