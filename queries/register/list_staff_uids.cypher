// name: list_staff_uids
// mode: read
// params: actor
// returns: the uids of the people who work at an actor (the people list's actor filter)
MATCH (:Actor {uid: $actor})<-[:WORKS_AT]-(n:Person)
RETURN n.uid AS uid
