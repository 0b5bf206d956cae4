// name: remove_event_organiser
// mode: write
// params: event, user
// returns: one row with the number of links removed
MATCH (:User {uid: $user})-[o:ORGANISES]->(:Event {uid: $event})
DELETE o
RETURN count(*) AS removed
