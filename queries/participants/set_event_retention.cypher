// name: set_event_retention
// mode: write
// params: event, days
// returns: one row when the event exists: how many days after its end participant data is kept
MATCH (e:Event {uid: $event})
SET e.retention_days = $days
RETURN e.retention_days AS retention_days
