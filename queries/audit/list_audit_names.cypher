// name: list_audit_names
// mode: read
// cache: no (read with the audit page only)
// params: users, people, events, registrations
// returns: the current name of each user, person, event and registration an audit page names
//          (resolved at read time: the entries hold uids only): uid, name, erased_at (people only)
MATCH (n:User) WHERE n.uid IN $users
RETURN n.uid AS uid, n.name AS name, null AS erased_at
UNION ALL
MATCH (n:Person) WHERE n.uid IN $people
RETURN n.uid AS uid, n.name AS name, n.erased_at AS erased_at
UNION ALL
MATCH (n:Event) WHERE n.uid IN $events
RETURN n.uid AS uid, n.name AS name, null AS erased_at
UNION ALL
MATCH (n:Registration) WHERE n.uid IN $registrations
RETURN n.uid AS uid, n.name AS name, null AS erased_at
