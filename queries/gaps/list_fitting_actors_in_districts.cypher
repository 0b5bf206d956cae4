// name: list_fitting_actors_in_districts
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: districts, field, actor_kind
// returns: for each district uid given, the actors of the field of action and kind (empty: any)
//          ACTIVE_IN it or in a district below it (roll-up, up to four levels): the district,
//          where the actor is active (via), the actor's uid and name, and the link's status (active, planned)
UNWIND $districts AS district
MATCH (d:District {uid: district})
// anchored on the indexed district: else FalkorDB starts from a scan of every Actor
WITH d
MATCH (d)<-[:PART_OF*0..4]-(via:District)<-[r:ACTIVE_IN]-(a:Actor)
WHERE ($field = '' OR $field IN coalesce(a.fields, []))
  AND ($actor_kind = '' OR a.kind = $actor_kind)
RETURN DISTINCT d.uid AS district, via.uid AS via, via.name AS via_name, via.type AS via_type,
       a.uid AS uid, a.name AS name, coalesce(r.status, 'active') AS status
ORDER BY district, via_name, via, name, uid
