// name: list_network_districts
// mode: read
// params: none
// returns: every district with uid, name, type and the uids of the districts it is PART_OF:
//          the hierarchy that a network's area (a city with all its parts) is computed from
MATCH (d:District)
OPTIONAL MATCH (d)-[:PART_OF]->(p:District)
WITH d, collect(p.uid) AS parents
RETURN d.uid AS uid, d.name AS name, d.type AS type, parents
ORDER BY name, uid
