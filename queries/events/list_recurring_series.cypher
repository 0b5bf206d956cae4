// name: list_recurring_series
// mode: read
// params: visibilities, statuses
// returns: per series with a recurrence rule, each of its dates (events) that the viewer may see:
//          series, recurrence, uid, props; by series, then soonest first. The first date is the
//          rule's start (netzwerk/events/recurrence.py)
MATCH (s:Series)<-[:IN_SERIES]-(n:Event)
WHERE s.recurrence IS NOT NULL AND n.visibility IN $visibilities AND n.status IN $statuses
RETURN s.uid AS series, s.recurrence AS recurrence, n.uid AS uid, properties(n) AS props
ORDER BY series, n.starts_at, uid
