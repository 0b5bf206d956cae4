// name: get_invitation
// mode: read
// params: event, token_hash
// returns: the invitation a personal link names, for this event only
MATCH (i:Invitation {token_hash: $token_hash})-[:FOR]->(:Event {uid: $event})
RETURN i.uid AS uid, i.name AS name, i.email AS email, i.status AS status
