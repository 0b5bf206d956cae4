// name: set_district_geometries
// mode: write
// params: rows, now, by, change_uid
// returns: one row per district given a geometry: its uid; the geometry (GeoJSON Polygon or
//          MultiPolygon as JSON text, checked by netzwerk/gaps/geometry.py) replaces the old one,
//          and one change records the import on every district it touched
UNWIND $rows AS row
MATCH (d:District {uid: row.uid})
SET d.geometry = row.geometry, d.updated_at = $now, d.updated_by = $by
MERGE (c:Change {uid: $change_uid})
  ON CREATE SET c.at = $now, c.by = $by, c.action = 'update', c.summary = 'Geometrie importiert',
                c.fields = ['geometry'], c.private = false
MERGE (c)-[:OF]->(d)
RETURN d.uid AS uid
ORDER BY uid
