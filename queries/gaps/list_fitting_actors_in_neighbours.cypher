// name: list_fitting_actors_in_neighbours
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: districts, field, actor_kind
// returns: for each district uid given, the actors of the field of action and kind (empty: any)
//          actively ACTIVE_IN a neighbouring district (NEIGHBOURS, either direction) or below it:
//          the district, the neighbour (uid, name), the actor's uid and name; by actor name
UNWIND $districts AS district
MATCH (d:District {uid: district})
// anchored on the indexed district: else FalkorDB starts from a scan of every Actor
WITH d
MATCH (d)-[:NEIGHBOURS]-(n:District)
WITH d, n
MATCH (n)<-[:PART_OF*0..4]-(:District)<-[r:ACTIVE_IN]-(a:Actor)
WHERE coalesce(r.status, 'active') = 'active' AND ($field = '' OR $field IN coalesce(a.fields, []))
  AND ($actor_kind = '' OR a.kind = $actor_kind)
RETURN DISTINCT d.uid AS district, n.uid AS neighbour, n.name AS neighbour_name, a.uid AS uid, a.name AS name
ORDER BY district, name, uid, neighbour_name, neighbour
