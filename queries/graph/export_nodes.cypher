// name: export_nodes
// mode: read
// params: none
// returns: every node of the network (not accounts, tokens, throttles or history) with its label
MATCH (n)
WHERE n.uid IS NOT NULL AND NOT n:User AND NOT n:Change AND NOT n:ApiToken
RETURN [label IN labels(n) WHERE label <> 'Entry'][0] AS label, properties(n) AS props
ORDER BY label, n.uid
