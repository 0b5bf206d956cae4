// name: list_organised_uids
// mode: read
// params: actor
// returns: the uids of the events an actor organises or supports as a partner (the events list's
//          organiser filter)
MATCH (:Actor {uid: $actor})<-[:ORGANISED_BY]-(n:Event)
RETURN n.uid AS uid
