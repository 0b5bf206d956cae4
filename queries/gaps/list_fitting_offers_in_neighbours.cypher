// name: list_fitting_offers_in_neighbours
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: districts, field, target_group, language, weekday, day_from, day_to, cost, access, actor_kind
// returns: for each district uid given, the active fitting offers IN a neighbouring district
//          (NEIGHBOURS, either direction) or below it: the district, the neighbour (uid, name),
//          the offer's uid and name; by offer name, so the first few per district are shown
// the filters are those of list_fitting_offers_in_districts
UNWIND $districts AS district
MATCH (d:District {uid: district})
// anchored on the indexed district: else FalkorDB starts from a scan of every Offer
WITH d
MATCH (d)-[:NEIGHBOURS]-(n:District)
WITH d, n
MATCH (n)<-[:PART_OF*0..4]-(:District)<-[:IN]-(o:Offer)
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
WITH d, n, o, count(p) AS providers
WHERE $actor_kind = '' OR providers > 0
RETURN DISTINCT d.uid AS district, n.uid AS neighbour, n.name AS neighbour_name, o.uid AS uid, o.name AS name
ORDER BY district, name, uid, neighbour_name, neighbour
