// name: list_retention_candidates
// mode: read
// params: none
// returns: events that still hold participant data: their dates, retention_days (absent: the
//          default) and how many registrations per status are not yet anonymised, with their uids
MATCH (e:Event)<-[:FOR]-(r:Registration)
WHERE r.anonymised_at IS NULL
RETURN e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.ends_at AS ends_at,
       e.retention_days AS retention_days, collect(r.uid) AS registrations,
       sum(CASE WHEN r.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE WHEN r.status = 'waitlisted' THEN 1 ELSE 0 END) AS waitlisted,
       sum(CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
ORDER BY e.starts_at, e.uid
