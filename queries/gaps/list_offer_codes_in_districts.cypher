// name: list_offer_codes_in_districts
// mode: read
// params: districts, field, target_group, language, weekday
// returns: for each district uid given, the active offers that fit the filters (empty: any) IN
//          it or IN a district below it (roll-up, up to four levels), once each, with the codes
//          the coverage matrix counts by: fields, target groups, languages, weekdays
UNWIND $districts AS district
MATCH (d:District {uid: district})
// anchored on the indexed district: else FalkorDB starts from a scan of every Offer
WITH district, d
MATCH (d)<-[:PART_OF*0..4]-(:District)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
  AND ($field = '' OR $field IN coalesce(o.fields, []))
  AND ($target_group = '' OR $target_group IN coalesce(o.target_groups, []))
  AND ($language = '' OR $language IN coalesce(o.languages, []))
  AND ($weekday = '' OR $weekday IN coalesce(o.weekdays, []))
WITH DISTINCT district, o
RETURN district, o.uid AS uid, coalesce(o.fields, []) AS fields, coalesce(o.target_groups, []) AS target_groups,
       coalesce(o.languages, []) AS languages, coalesce(o.weekdays, []) AS weekdays
ORDER BY district, uid
