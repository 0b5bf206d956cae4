// name: list_participants
// mode: read
// params: event
// returns: every registration of the event in the order they came (seq), cancelled ones included
MATCH (:Event {uid: $event})<-[:FOR]-(r:Registration)
RETURN r.uid AS uid, r.name AS name, r.email AS email, r.status AS status, r.seq AS seq,
       r.answers AS answers, r.created_at AS created_at, r.checked_in_at AS checked_in_at,
       r.consent_version AS consent_version, r.consent_at AS consent_at, r.source AS source,
       r.organisation AS organisation, r.network_consent AS network_consent,
       r.network_consent_version AS network_consent_version, r.network_consent_at AS network_consent_at,
       r.network_consent_withdrawn_at AS network_consent_withdrawn_at
ORDER BY r.seq, r.uid
