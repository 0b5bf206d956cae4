// name: set_registration_questions
// mode: write
// params: event, questions
// returns: one row when the event exists; the questions are a JSON text (no maps in properties)
MATCH (e:Event {uid: $event})
SET e.registration_questions = $questions
RETURN e.uid AS uid
