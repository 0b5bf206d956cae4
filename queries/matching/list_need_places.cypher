// name: list_need_places
// mode: read
// params: need
// returns: the districts matching looks in for a need, one row per (district, relation):
//          relation 'self' (a district the need is IN, depth 0), 'neighbour' (NEIGHBOURS of one
//          of them, either direction, depth 1) or 'area' (a district they are PART_OF, depth =
//          levels up, 1 to 4); uid, name, type. Unordered: the caller sorts (UNION)
MATCH (:Need {uid: $need})-[:IN]->(d:District)
RETURN d.uid AS uid, d.name AS name, d.type AS type, 'self' AS relation, 0 AS depth
UNION
MATCH (:Need {uid: $need})-[:IN]->(:District)-[:NEIGHBOURS]-(d:District)
RETURN d.uid AS uid, d.name AS name, d.type AS type, 'neighbour' AS relation, 1 AS depth
UNION
MATCH path = (:Need {uid: $need})-[:IN]->(:District)-[:PART_OF*1..4]->(d:District)
RETURN d.uid AS uid, d.name AS name, d.type AS type, 'area' AS relation, length(path) - 1 AS depth
