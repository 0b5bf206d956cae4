// name: get_registration_form_event
// mode: read
// cache: stable (reads no registration data: a rush of registrations does not retire it)
// params: event
// returns: the event's settings the registration form and the API need, or no row; never the
//          counters registrations change (registration_seq, registration_confirmed)
MATCH (e:Event {uid: $event})
RETURN e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.ends_at AS ends_at,
       e.all_day AS all_day, e.venue AS venue, e.address AS address, e.online_url AS online_url,
       e.capacity AS capacity, e.registration_opens AS registration_opens,
       e.registration_closes AS registration_closes, e.visibility AS visibility, e.status AS status,
       e.registration_questions AS registration_questions
