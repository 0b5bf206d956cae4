// name: list_contacts
// mode: read
// params: none
// returns: one row per KNOWS link: who knows whom, with the link's properties
MATCH (a:Person)-[k:KNOWS]->(b:Person)
RETURN a.uid AS from, b.uid AS to, k.since AS since, k.context AS context, k.strength AS strength
ORDER BY from, to
