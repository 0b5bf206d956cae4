// name: get_entry
// mode: read
// params: uid
// returns: at most one row: the entry's kind label and all its properties
MATCH (n:Entry {uid: $uid})
RETURN [label IN labels(n) WHERE label <> 'Entry'][0] AS label, properties(n) AS props
