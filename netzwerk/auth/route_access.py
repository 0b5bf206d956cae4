"""Who may call which route: the expected answer per role for every URL rule of the app.

The table beside the roles (roles.py holds the permissions; this says what they mean route by
route). tests/web/test_route_access.py walks every rule of `app.url_map` with the demo data as
each role and compares; a rule without a row fails it, naming the rule.

A row is `endpoint: (anonymous, member, organiser, coordinator, admin)`. A cell is
- a status code: what the walk gets. For a rule that reads (GET) it is the GET's answer; for a
  rule that only writes it is the answer to a write with a valid CSRF token and an empty form
  (the API: an empty JSON body), sent only where the cell refuses, and it must change nothing.
  A rule that reads and writes is refused for writing where it is refused for reading: the walk
  sends the write there too.
- `OK`: the role may write here. The walk sends no write (it would change the demo data); the
  feature's own tests prove the write.
- a pair `(own, other)`: for the routes of one event, the answer for an event the organiser
  organises (`(User)-[:ORGANISES]->(Event)`) and for one they do not. In the walk the first is
  public with its registration open, the second internal (signed-in readers only), so the
  pair also tells what the public sees of each.

Anonymous visitors are sent to the login page (302) from pages and get 401 from the API;
roles without the permission get 403; an organiser asking for the participants (or anything
else per event) of an event they do not organise gets 404, as if it did not exist.
"""
ROLES = ("anonymous", "member", "organiser", "coordinator", "admin")
OK = "ok"
LOGIN = 302      # sent to the login page (or, after a write, redirected: see the row)
DENIED = 403
API_LOGIN = 401  # the API wants a key
OWN_ONLY = (200, 404)  # an organiser: their own event's, not another's
WRITE_OWN = (OK, 404)  # an organiser writes for their own event, not another's

# the rows, by the part of the app they belong to
ROUTE_ACCESS = {
    # --- accounts and the system ---------------------------------------------------------------
    "auth.login": (200, 302, 302, 302, 302),                 # signed in: to the start page
    "auth.logout": (LOGIN, OK, OK, OK, OK),
    "auth.change_password": (LOGIN, 200, 200, 200, 200),
    "auth.api_tokens": (LOGIN, 200, 200, 200, 200),
    # another user's key: nobody may revoke it (redirect back, nothing revoked)
    "auth.revoke_api_token": (LOGIN, 302, 302, 302, 302),
    "users.index": (LOGIN, DENIED, DENIED, DENIED, 200),
    "users.update": (LOGIN, DENIED, DENIED, DENIED, OK),
    "vocabularies.index": (LOGIN, DENIED, DENIED, 200, 200),
    "vocabularies.add_term": (LOGIN, DENIED, DENIED, DENIED, OK),
    "vocabularies.rename_term": (LOGIN, DENIED, DENIED, DENIED, OK),
    "vocabularies.delete_term": (LOGIN, DENIED, DENIED, DENIED, OK),
    "system.healthz": (200, 200, 200, 200, 200),
    "system.set_language": (OK, OK, OK, OK, OK),            # the session's language only
    "static": (200, 200, 200, 200, 200),
    "home.index": (LOGIN, 200, 200, 200, 200),
    "home.search": (LOGIN, 200, 200, 200, 200),
    "dashboard.index": (LOGIN, DENIED, DENIED, 200, 200),
    "audit.index": (LOGIN, DENIED, DENIED, DENIED, 200),       # the audit log: admins only
    # requests under the DSGVO (Art. 15 access, Art. 17 erasure): admins only
    "privacy.index": (LOGIN, DENIED, DENIED, DENIED, 200),
    "privacy.subject": (LOGIN, DENIED, DENIED, DENIED, 200),
    "privacy.download": (LOGIN, DENIED, DENIED, DENIED, OK),
    "privacy.erase": (LOGIN, DENIED, DENIED, DENIED, 200),

    # --- the register ----------------------------------------------------------------------------
    "register.list_entries": (LOGIN, 200, 200, 200, 200),
    "register.show_entry": (LOGIN, 200, 200, 200, 200),
    "register.suggest": (LOGIN, 200, 200, 200, 200),
    "register.create_entry": (LOGIN, DENIED, DENIED, 200, 200),
    "register.edit_entry": (LOGIN, DENIED, DENIED, 200, 200),
    "register.delete_entry": (LOGIN, DENIED, DENIED, 200, 200),
    "register.add_link": (LOGIN, DENIED, DENIED, OK, OK),
    "register.remove_link": (LOGIN, DENIED, DENIED, 200, 200),
    "register.import_page": (LOGIN, DENIED, DENIED, 200, 200),
    "register.apply_import_file": (LOGIN, DENIED, DENIED, OK, OK),
    "register.import_template": (LOGIN, DENIED, DENIED, 200, 200),
    "register.export_json": (LOGIN, DENIED, DENIED, 200, 200),   # holds contact details
    # consent records of people: contact data, so contacts.read
    "consents.record": (LOGIN, DENIED, DENIED, OK, OK),
    "consents.withdraw": (LOGIN, DENIED, DENIED, OK, OK),

    # --- events (organisers edit every event: docs/events.md says why) ------------------------------
    "events.index": (200, 200, 200, 200, 200),
    "events.month": (200, 200, 200, 200, 200),
    "events.feed": (200, 200, 200, 200, 200),
    # a public event, and an internal one (signed-in readers only)
    "events.show_entry": ((200, LOGIN), 200, 200, 200, 200),
    "events.event_ics": ((200, LOGIN), 200, 200, 200, 200),
    "events.suggest": (LOGIN, 200, 200, 200, 200),
    "events.create_entry": (LOGIN, DENIED, 200, 200, 200),
    "events.edit_entry": (LOGIN, DENIED, 200, 200, 200),
    "events.delete_entry": (LOGIN, DENIED, 200, 200, 200),
    "events.add_dates": (LOGIN, DENIED, OK, OK, OK),
    "events.upload": (LOGIN, DENIED, OK, OK, OK),
    # a file of the public event, and of the internal one
    "events.download": ((200, LOGIN), 200, 200, 200, 200),
    "events.remove_file": (LOGIN, DENIED, OK, OK, OK),
    "events.add_link": (LOGIN, DENIED, OK, OK, OK),
    "events.remove_link": (LOGIN, DENIED, 200, 200, 200),

    # --- registrations: public form, personal link, organisers' pages ----------------------------
    # the internal event takes no public registrations
    "registrations.register": ((200, 404), (200, 404), (200, 404), (200, 404), (200, 404)),
    "registrations.thanks": ((200, 404), (200, 404), (200, 404), (200, 404), (200, 404)),
    # no invitation token: nothing to decline
    "registrations.decline": (404, 404, 404, 404, 404),
    # the personal link is the key: whoever holds it (the link in the participant's e-mail)
    "registrations.personal": (200, 200, 200, 200, 200),
    "registrations.cancel_own": (200, 200, 200, 200, 200),
    "registrations.withdraw_network_consent": (OK, OK, OK, OK, OK),
    "registrations.index": (LOGIN, DENIED, 200, 200, 200),
    "registrations.questions": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.participants": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.cancel_participant": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.add_participant": (LOGIN, DENIED, WRITE_OWN, OK, OK),
    "registrations.set_capacity": (LOGIN, DENIED, WRITE_OWN, OK, OK),
    "registrations.check_in": (LOGIN, DENIED, WRITE_OWN, OK, OK),
    "registrations.check_in_page": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.invitations": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.invite_from_network": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.messages": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "registrations.message_handed_on": (LOGIN, DENIED, WRITE_OWN, OK, OK),
    # who organises an event: coordinators and admins decide
    "registrations.organisers": (LOGIN, DENIED, DENIED, 200, 200),
    "registrations.remove_organiser": (LOGIN, DENIED, DENIED, OK, OK),
    "participants.meetings": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "participants.data_protection": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "participants.message": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "participants.badges": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "participants.sign_in_sheet": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "participants.export_participant": (LOGIN, DENIED, OWN_ONLY, 200, 200),
    "participants.erase_participant": (LOGIN, DENIED, OWN_ONLY, 200, 200),

    # --- gaps, matching, round tables, network, insight --------------------------------------------
    "gaps.index": (LOGIN, 200, 200, 200, 200),
    "gaps.matrix": (LOGIN, 200, 200, 200, 200),
    "gaps.geometries": (LOGIN, DENIED, DENIED, 200, 200),
    "matching.need_matches": (LOGIN, 200, 200, 200, 200),
    "matching.mark_met": (LOGIN, DENIED, DENIED, OK, OK),
    "matching.set_status": (LOGIN, DENIED, DENIED, OK, OK),
    "roundtables.overview": (LOGIN, 200, 200, 200, 200),
    "roundtables.agenda": (LOGIN, 200, 200, 200, 200),
    "roundtables.agenda_pdf": (LOGIN, 200, 200, 200, 200),
    "network.index": (LOGIN, 200, 200, 200, 200),
    "network.export": (LOGIN, 200, 200, 200, 200),           # without KNOWS for members
    "network.entry": (LOGIN, 200, 200, 200, 200),
    "network.entry_export": (LOGIN, 200, 200, 200, 200),
    "insight.analysis": (LOGIN, 200, 200, 200, 200),
    "insight.names": (LOGIN, 200, 200, 200, 200),
    "insight.paths": (LOGIN, 200, 200, 200, 200),            # members: no KNOWS on the way
    "insight.neighbourhood": (LOGIN, 200, 200, 200, 200),
    "insight.suggestions": (LOGIN, DENIED, DENIED, 200, 200),  # built from who knows whom
    "insight.dismiss": (LOGIN, DENIED, DENIED, OK, OK),

    # --- the API (a key per user; the session cookie does not count) ------------------------------
    "api.openapi": (200, 200, 200, 200, 200),
    "api.list_entries": (API_LOGIN, 200, 200, 200, 200),
    "api.get_entry": (API_LOGIN, 200, 200, 200, 200),
    "api.create_entry": (API_LOGIN, DENIED, DENIED, OK, OK),
    "api.update_entry": (API_LOGIN, DENIED, DENIED, OK, OK),
    "api.delete_entry": (API_LOGIN, DENIED, DENIED, OK, OK),
    "api.list_events": (API_LOGIN, 200, 200, 200, 200),
    "api.get_event": (API_LOGIN, 200, 200, 200, 200),
    "api.create_event": (API_LOGIN, DENIED, OK, OK, OK),
    "api.update_event": (API_LOGIN, DENIED, OK, OK, OK),
    "api.delete_event": (API_LOGIN, DENIED, OK, OK, OK),
    "api.get_questions": (API_LOGIN, 200, 200, 200, 200),
    "api.put_questions": (API_LOGIN, DENIED, WRITE_OWN, OK, OK),
    # the public form's rules, for any key
    "api.create_registration": (API_LOGIN, OK, OK, OK, OK),
    "api.list_registrations": (API_LOGIN, DENIED, OWN_ONLY, 200, 200),
    "api.get_registration": (API_LOGIN, DENIED, OWN_ONLY, 200, 200),
    "api.cancel_registration": (API_LOGIN, DENIED, WRITE_OWN, OK, OK),
    "api.check_in": (API_LOGIN, DENIED, WRITE_OWN, OK, OK),
    "api.gaps": (API_LOGIN, 200, 200, 200, 200),
    "api.gaps_matrix": (API_LOGIN, 200, 200, 200, 200),
    "api.need_matches": (API_LOGIN, 200, 200, 200, 200),
    "api.need_met": (API_LOGIN, DENIED, DENIED, OK, OK),
    "api.need_status": (API_LOGIN, DENIED, DENIED, OK, OK),
    "api.network_measures": (API_LOGIN, 200, 200, 200, 200),
    "api.network_paths": (API_LOGIN, 200, 200, 200, 200),
    "api.network_suggestions": (API_LOGIN, DENIED, DENIED, 200, 200),
    "api.network_view": (API_LOGIN, 200, 200, 200, 200),
    "api.network_ego_view": (API_LOGIN, 200, 200, 200, 200),
}
