// name: list_open_needs_in_districts
// mode: read
// params: districts, limit
// returns: the open needs IN one of the given districts or a district below it (up to four
//          levels), at most `limit`, oldest report first (unknown last), then by name: uid, name,
//          reported_at, created_at and the district they are in (via, via_name)
// walked from the districts down, one step at a time (FalkorDB would start from all needs)
UNWIND $districts AS district
MATCH (d:District {uid: district})
WITH d
MATCH (d)<-[:PART_OF*0..4]-(via:District)
WITH DISTINCT via
MATCH (via)<-[:IN]-(n:Need)
WHERE n.status = 'open'
WITH n, min(via.name) AS via_name, min(via.uid) AS via
RETURN n.uid AS uid, n.name AS name, n.reported_at AS reported_at, n.created_at AS created_at, via, via_name
ORDER BY reported_at IS NULL, reported_at, created_at, name, uid
LIMIT $limit
