// name: list_knows_between
// mode: read
// params: people
// returns: the KNOWS links among the people $people (uids), either direction, with the events that
//          made or strengthened them
MATCH (a:Person)-[k:KNOWS]->(b:Person)
WHERE a.uid IN $people AND b.uid IN $people
RETURN a.uid AS a, b.uid AS b, k.events AS events, k.strength AS strength, k.context AS context, k.since AS since
ORDER BY a, b
