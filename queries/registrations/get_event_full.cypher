// name: get_event_full
// mode: read
// cache: stable (whether an event is full changes only by writes that retire stable reads: every
//        change of the event or a cancellation bumps the main counter, and the registration
//        statement that takes an event's last place bumps it as well, see Registrations._create_batch)
// params: event
// returns: full (every place taken; false without a limit), or no row for an unknown event
MATCH (e:Event {uid: $event})
RETURN e.capacity IS NOT NULL AND coalesce(e.registration_confirmed, 0) >= e.capacity AS full
