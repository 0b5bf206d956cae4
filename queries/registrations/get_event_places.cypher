// name: get_event_places
// mode: read
// cache: no (every registration changes it: keeping it would cost a second generation read)
// params: event
// returns: one row: capacity (null: unlimited) and confirmed (the counter kept under the event's
//          lock by every statement that changes a registration's status); no row when unknown
MATCH (e:Event {uid: $event})
RETURN e.capacity AS capacity, coalesce(e.registration_confirmed, 0) AS confirmed
