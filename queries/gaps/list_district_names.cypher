// name: list_district_names
// mode: read
// params: none
// returns: every district's uid and name, by name: a geometry file names its districts by
//          uid or by name
MATCH (d:District)
RETURN d.uid AS uid, d.name AS name
ORDER BY name, uid
