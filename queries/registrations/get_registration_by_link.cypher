// name: get_registration_by_link
// mode: read
// params: link_hash
// returns: the registration a personal link opens, its event, and its place on the waitlist
//          (0 unless waitlisted)
MATCH (:RegistrationLink {hash: $link_hash})-[:OPENS]->(r:Registration)-[:FOR]->(e:Event)
OPTIONAL MATCH (e)<-[:FOR]-(w:Registration {status: 'waitlisted'})
WHERE r.status = 'waitlisted' AND w.seq <= r.seq
RETURN r AS registration, e AS event, count(w) AS position
