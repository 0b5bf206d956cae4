// name: list_district_geometries
// mode: read
// params: districts
// returns: for each district uid given that has a geometry: its uid and the geometry (GeoJSON as
//          JSON text); the map draws these
UNWIND $districts AS district
MATCH (d:District {uid: district})
WHERE d.geometry IS NOT NULL
RETURN d.uid AS uid, d.geometry AS geometry
ORDER BY uid
