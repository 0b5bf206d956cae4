// name: list_fitting_offers_in_districts
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: districts, field, target_group, language, weekday, day_from, day_to, cost, access, actor_kind
// returns: for each district uid given, the active offers that fit the filters (an empty filter
//          fits all) and are IN it or IN a district below it (roll-up, up to four levels): the
//          district, where the offer is (via), and the offer's uid and name
// the districts come as a list computed once: no pattern predicate per node (FalkorDB).
// day_from/day_to: a time of day as a window ("17:00".."24:00"); an offer fits when its hours
// overlap the window (an offer without a start time fits no window). actor_kind: one of the
// offer's providers is an actor of that kind, found by one expansion per fitting offer
UNWIND $districts AS district
MATCH (d:District {uid: district})
// anchored on the indexed district: else FalkorDB starts from a scan of every Offer
WITH d
MATCH (d)<-[:PART_OF*0..4]-(via:District)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
  AND ($field = '' OR $field IN coalesce(o.fields, []))
  AND ($target_group = '' OR $target_group IN coalesce(o.target_groups, []))
  AND ($language = '' OR $language IN coalesce(o.languages, []))
  AND ($weekday = '' OR $weekday IN coalesce(o.weekdays, []))
  AND ($cost = '' OR o.cost = $cost)
  AND ($access = '' OR $access IN coalesce(o.access_notes, []))
  AND ($day_from = '' OR (o.time_from < $day_to
                          AND (coalesce(o.time_to, o.time_from) > $day_from OR o.time_from >= $day_from)))
OPTIONAL MATCH (o)<-[:OFFERS]-(p:Actor)
WHERE p.kind = $actor_kind
WITH d, via, o, count(p) AS providers
WHERE $actor_kind = '' OR providers > 0
RETURN DISTINCT d.uid AS district, via.uid AS via, via.name AS via_name, via.type AS via_type,
       o.uid AS uid, o.name AS name
ORDER BY district, via_name, via, name, uid
