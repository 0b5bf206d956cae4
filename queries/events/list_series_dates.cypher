// name: list_series_dates
// mode: read
// params: series, visibilities, statuses
// returns: the dates (events) of a series that the viewer may see, soonest first
MATCH (:Series {uid: $series})<-[:IN_SERIES]-(n:Event)
WHERE n.visibility IN $visibilities AND n.status IN $statuses
RETURN n.uid AS uid, n.name AS name, n.starts_at AS starts_at, n.all_day AS all_day, n.status AS status
ORDER BY starts_at, uid
