// name: list_network_nodes
// mode: read
// params: none
// returns: every actor, person and round table of the network: uid, label, name, the districts
//          it is ACTIVE_IN (planned ones too: a planned office belongs to that district's network)
//          and its fields of action (actors);
//          the analysis reads the whole graph once per change, outside the web request
// cache: no (the whole network: too large to keep, and read once per change anyway)
MATCH (n:Entry)
WHERE n:Actor OR n:Person OR n:RoundTable
OPTIONAL MATCH (n)-[:ACTIVE_IN]->(d:District)
WITH n, collect(d.uid) AS districts
RETURN n.uid AS uid, [label IN labels(n) WHERE label <> 'Entry'][0] AS label, n.name AS name,
       districts, coalesce(n.fields, []) AS fields
ORDER BY uid
