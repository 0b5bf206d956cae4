// name: list_events_between
// mode: read
// params: start, end, visibilities, statuses
// returns: the events that overlap [start, end) (ISO local date-times), soonest first, of the
//          visibilities and statuses given: the month calendar and the public iCal feed
// coalesce() keeps FalkorDB off its index on starts_at for the upper bound: its index range scan
// answered '2030-11-19T15:00' < '2030-11-01T00:00' with true (FalkorDB 4.16; docs/cypher-portability.md)
MATCH (n:Event)
WHERE coalesce(n.starts_at, '') < $end AND coalesce(n.ends_at, n.starts_at) >= $start
  AND n.visibility IN $visibilities AND n.status IN $statuses
RETURN n.uid AS uid, properties(n) AS props
ORDER BY n.starts_at, n.name_key, n.uid
