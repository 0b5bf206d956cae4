// name: list_network_links
// mode: read
// params: none
// returns: every link between actors, people and round tables that makes them reachable from
//          one another (KNOWS, WORKS_AT, COOPERATES_WITH, MEMBER_OF, a round table's
//          CONTACT_PERSON): a and b (uids) and the type; the service drops KNOWS for viewers
//          who may not see who knows whom
// cache: no (the whole network: too large to keep, and read once per change anyway)
MATCH (a:Entry)-[r:KNOWS|WORKS_AT|COOPERATES_WITH|MEMBER_OF|CONTACT_PERSON]->(b:Entry)
WHERE (a:Actor OR a:Person OR a:RoundTable) AND (b:Actor OR b:Person OR b:RoundTable)
RETURN a.uid AS a, b.uid AS b, type(r) AS type
ORDER BY a, b, type
