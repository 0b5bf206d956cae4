// name: get_participant_data
// mode: read
// params: event, registration
// returns: one registration of the event with every property, its event's name and dates, and the
//          outbox messages about it (personal links are not returned: they open the registration)
MATCH (e:Event {uid: $event})<-[:FOR]-(r:Registration {uid: $registration})
OPTIONAL MATCH (m:Message)-[:ABOUT]->(r)
WITH e, r, m ORDER BY m.created_at, m.uid
RETURN r AS registration, e.uid AS event_uid, e.name AS event_name, e.starts_at AS event_starts_at,
       e.ends_at AS event_ends_at,
       [x IN collect(m) | {uid: x.uid, kind: x.kind, status: x.status, to_email: x.to_email,
                           to_name: x.to_name, language: x.language, subject: x.subject, body: x.body,
                           created_at: x.created_at, sent_at: x.sent_at}] AS messages
