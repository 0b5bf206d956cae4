// name: label_events_as_entries
// mode: write
// params: none
// returns: one row with the number of events that got the :Entry label (data migration 2: events
//          became a kind of the register, which finds entries of any kind by :Entry)
MATCH (e:Event)
WHERE NOT e:Entry
SET e:Entry
RETURN count(e) AS labelled
