// name: list_network_candidates
// mode: read
// params: event
// returns: the event's confirmed participants who agreed at registration to be connected with other
//          participants in the network (anonymised ones have no e-mail and drop out), in order of arrival
MATCH (:Event {uid: $event})<-[:FOR]-(r:Registration)
WHERE r.status = 'confirmed' AND r.network_consent = true AND r.email_key IS NOT NULL
RETURN r.uid AS uid, r.name AS name, r.email AS email, r.email_key AS email_key,
       r.organisation AS organisation, r.checked_in_at AS checked_in_at, r.network_consent_at AS consent_at
ORDER BY r.seq, r.uid
