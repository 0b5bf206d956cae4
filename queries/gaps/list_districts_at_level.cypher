// name: list_districts_at_level
// mode: read
// params: area, level
// returns: the districts of one type (level) in an area or the area itself, each with uid, name,
//          population and the number of open needs in it or anywhere below it (up to four levels)
MATCH (:District {uid: $area})<-[:PART_OF*0..4]-(d:District)
WHERE d.type = $level
// a district reached on two paths (a diamond in the hierarchy) is counted once
WITH DISTINCT d
OPTIONAL MATCH (d)<-[:PART_OF*0..4]-(:District)<-[:IN]-(n:Need)
WHERE n.status = 'open'
WITH d, count(DISTINCT n) AS open_needs
RETURN d.uid AS uid, d.name AS name, d.population AS population, open_needs
ORDER BY name, uid
