// name: list_gap_areas
// mode: read
// params: none
// returns: the districts a gap question can be asked about (cities and Stadtbezirke), with uid,
//          name and type, by name
MATCH (d:District)
WHERE d.type IN ['city', 'Stadtbezirk']
RETURN d.uid AS uid, d.name AS name, d.type AS type
ORDER BY name, uid
