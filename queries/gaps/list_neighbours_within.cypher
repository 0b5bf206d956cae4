// name: list_neighbours_within
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: districts
// returns: for each district uid given, the districts up to three NEIGHBOURS hops away (either
//          direction), each with the fewest hops: the urgency of a gap grows with the distance
//          to the nearest fitting offer; the bound keeps the walk small
UNWIND $districts AS district
MATCH (d:District {uid: district})
WITH district, d
MATCH path = (d)-[:NEIGHBOURS*1..3]-(n:District)
WHERE n.uid <> district
RETURN district, n.uid AS neighbour, min(length(path)) AS hops
ORDER BY district, neighbour
