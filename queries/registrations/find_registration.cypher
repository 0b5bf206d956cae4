// name: find_registration
// mode: read
// params: event, form_token, email_key
// returns: the active registration of this e-mail at the event, or the one this form made
//          (uid, same_form: true when it was made by this very form, i.e. a retry)
MATCH (e:Event {uid: $event})<-[:FOR]-(r:Registration)
WHERE r.form_token = $form_token OR (r.email_key = $email_key AND r.status <> 'cancelled')
RETURN r.uid AS uid, r.form_token = $form_token AS same_form, r.status AS status
ORDER BY same_form DESC, r.seq
LIMIT 1
