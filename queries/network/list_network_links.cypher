// name: list_network_links
// mode: read
// params: types
// returns: every relationship of the given types (the service leaves out KNOWS for viewers
//          without contacts.read) between two register entries: source uid, target uid, type
MATCH (a:Entry)-[r]->(b:Entry)
WHERE type(r) IN $types
RETURN a.uid AS source, b.uid AS target, type(r) AS type
ORDER BY source, target, type
