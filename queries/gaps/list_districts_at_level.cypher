// name: list_districts_at_level
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: area, level, field, target_group, language
// returns: the districts of one type (level) in an area or the area itself, each with uid, name,
//          population and the number of open needs that fit (a need fits when it has the chosen
//          field, target group and language; an empty one: any) in it or anywhere below it (up to four levels)
MATCH (:District {uid: $area})<-[:PART_OF*0..4]-(d:District)
WHERE d.type = $level
// a district reached on two paths (a diamond in the hierarchy) is counted once
WITH DISTINCT d
OPTIONAL MATCH (d)<-[:PART_OF*0..4]-(:District)<-[:IN]-(n:Need)
WHERE n.status = 'open' AND ($field = '' OR n.field = $field)
  AND ($target_group = '' OR n.target_group = $target_group) AND ($language = '' OR n.language = $language)
WITH d, count(DISTINCT n) AS open_needs
RETURN d.uid AS uid, d.name AS name, d.population AS population, open_needs
ORDER BY name, uid
