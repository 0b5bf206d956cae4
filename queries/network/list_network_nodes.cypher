// name: list_network_nodes
// mode: read
// params: labels
// returns: the register entries with one of the given labels (Actor, Person, ...): uid, label,
//          name, kind (an actor's or event's kind, a district's type, a person's function,
//          an offer's or need's status) and fields of action; never contact data
MATCH (n:Entry)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n.uid AS uid, [label IN labels(n) WHERE label <> 'Entry'][0] AS label, n.name AS name,
       coalesce(n.kind, n.type, n.function, n.status) AS kind,
       coalesce(n.fields, CASE WHEN n.field IS NULL THEN [] ELSE [n.field] END) AS fields
ORDER BY uid
