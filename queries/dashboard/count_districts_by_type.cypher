// name: count_districts_by_type
// mode: read
// params: none
// returns: per district type, how many districts there are; by type
MATCH (d:District)
RETURN d.type AS type, count(d) AS districts
ORDER BY type
