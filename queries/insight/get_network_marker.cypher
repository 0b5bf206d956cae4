// name: get_network_marker
// mode: read
// params: none
// returns: rows (key, value, at) that change whenever the analysed network changes: the number
//          of nodes and links of each analysed kind (Neo4j reads each from its count store
//          without touching a node) and the number and latest time of the recorded changes (an
//          edit of a name or field; index-backed on Neo4j). On FalkorDB the read cache keeps the
//          answer until the next write, so this costs nothing while nothing is written
MATCH (n:Actor) RETURN 'Actor' AS key, count(n) AS value, '' AS at
UNION ALL
MATCH (n:Person) RETURN 'Person' AS key, count(n) AS value, '' AS at
UNION ALL
MATCH (n:RoundTable) RETURN 'RoundTable' AS key, count(n) AS value, '' AS at
UNION ALL
MATCH (n:District) RETURN 'District' AS key, count(n) AS value, '' AS at
UNION ALL
MATCH ()-[r:KNOWS]->() RETURN 'KNOWS' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH ()-[r:WORKS_AT]->() RETURN 'WORKS_AT' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH ()-[r:COOPERATES_WITH]->() RETURN 'COOPERATES_WITH' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH ()-[r:MEMBER_OF]->() RETURN 'MEMBER_OF' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH ()-[r:CONTACT_PERSON]->() RETURN 'CONTACT_PERSON' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH ()-[r:ACTIVE_IN]->() RETURN 'ACTIVE_IN' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS key, count(r) AS value, '' AS at
UNION ALL
MATCH (c:Change) RETURN 'Change' AS key, count(c) AS value, '' AS at
UNION ALL
MATCH (c:Change)
WHERE c.at IS NOT NULL
WITH c.at AS at
ORDER BY at DESC
LIMIT 1
RETURN 'changed' AS key, 0 AS value, at
