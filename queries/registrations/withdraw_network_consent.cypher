// name: withdraw_network_consent
// mode: write
// changes: registrations
// params: registration, now, how
// returns: one row when the consent to be connected was given and is withdrawn now: withdrawn_at
// The participant takes back the optional consent to be connected with other participants
// (their personal page). What they agreed to (text, version, time) stays as the record of it;
// network_consent false drops them from participants/list_network_candidates, so no further KNOWS
// comes from this registration (docs/registrations.md, "Consent to be connected"). $how: a code
// of netzwerk/consent.py WITHDRAWN_HOWS (the participant's personal link).
MATCH (r:Registration {uid: $registration})
WHERE r.network_consent = true
SET r.network_consent = false, r.network_consent_withdrawn_at = $now, r.network_consent_withdrawn_how = $how
RETURN r.network_consent_withdrawn_at AS withdrawn_at
