// name: get_round_table_overview
// mode: read
// params: round_table
// returns: at most one row: the round table's uid, name, purpose, rhythm and the districts it is
//          ACTIVE_IN ([{uid, name}], by name)
MATCH (rt:RoundTable {uid: $round_table})
OPTIONAL MATCH (rt)-[:ACTIVE_IN]->(d:District)
WITH rt, d
ORDER BY d.name, d.uid
WITH rt, collect(CASE WHEN d IS NULL THEN NULL ELSE {uid: d.uid, name: d.name} END) AS districts
RETURN rt.uid AS uid, rt.name AS name, rt.purpose AS purpose, rt.rhythm AS rhythm, districts
