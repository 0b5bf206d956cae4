"""Consent records (issue 11): for registrations, which text and version, when and how given, and
the withdrawal; for the network's people, a history of records kept by coordinators, withdrawal,
and what it changes (no more invitations from the network)."""
import re

import pytest

from netzwerk import consent, create_app
from netzwerk.config import TestConfig
from netzwerk.consents import service

from ..conftest import csrf_token, post_form, raw_rows, signed_in
from ..registration_helpers import make_event, register


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 1000
    return create_app(config, store=store)


def test_the_texts_are_versioned_in_one_place():
    for purpose, version in consent.CURRENT.items():
        assert consent.current(purpose) == (version, consent.TEXTS[purpose][version])
    from netzwerk.registrations import service as registrations
    assert (registrations.CONSENT_VERSION, registrations.CONSENT_TEXT) == consent.current("registration")
    assert consent.text_of("network", "no-such-version") is None


def test_a_registration_records_how_consent_was_given_and_how_it_was_withdrawn(app, store, users):
    make_event(store, capacity=5)
    public = app.test_client()
    assert register(public, "ev-1", "Lea Nowak", "lea@example.org", network="y").status_code == 302
    row = raw_rows(store, "MATCH (r:Registration) RETURN r.consent_how AS how, r.consent_version AS version, "
                          "r.consent_text AS text, r.network_consent_how AS network_how, r.uid AS uid")[0]
    assert (row["how"], row["network_how"]) == ("form", "form")
    assert (row["version"], row["text"]) == consent.current("registration")
    # an organiser's entry: "manual"
    app.extensions["netzwerk.registrations"].add_organiser("ev-1", users["organiser"])
    organiser = signed_in(app, users["organiser"])
    page = organiser.get("/veranstaltungen/ev-1/teilnehmende").get_data(as_text=True)
    assert organiser.post("/veranstaltungen/ev-1/teilnehmende/neu", data={
        "csrf_token": csrf_token(page), "name": "Omar Said", "email": "omar@example.org", "consent": "y"}).status_code == 302
    assert raw_rows(store, "MATCH (r:Registration {name: 'Omar Said'}) RETURN r.consent_how AS how") == [{"how": "manual"}]
    # the withdrawal through the personal link says when and how
    registrations = app.extensions["netzwerk.registrations"]
    token = "t" * 43
    from netzwerk.registrations.service import token_hash
    raw_rows(store, f"MATCH (r:Registration {{uid: '{row['uid']}'}}) CREATE (:RegistrationLink "
                    f"{{hash: '{token_hash(token)}'}})-[:OPENS]->(r) RETURN r.uid AS uid")
    assert registrations.withdraw_network_consent(token)
    done = raw_rows(store, f"MATCH (r:Registration {{uid: '{row['uid']}'}}) RETURN r.network_consent AS given, "
                           "r.network_consent_withdrawn_how AS how, r.network_consent_withdrawn_at AS at")[0]
    assert done["given"] is False and done["how"] == "personal_link" and done["at"]


def create_person(client, **data):
    response = post_form(client, "/personen/neu", data)
    assert response.status_code == 302
    return response.headers["Location"].rsplit("/", 1)[1]


def test_a_coordinator_records_and_withdraws_a_persons_consent(app, store, users):
    coordinator = signed_in(app, users["coordinator"])
    uid = create_person(coordinator, name="Amira Haddad", email="amira@example.org")
    page = coordinator.get(f"/personen/{uid}").get_data(as_text=True)
    assert 'data-consent-state="none"' in page
    # a manual entry needs its evidence
    refused = post_form(coordinator, f"/personen/{uid}/einwilligungen", {
        "consent-how": "manual", "consent-given_at": "2026-03-03", "consent-evidence": ""}, f"/personen/{uid}")
    assert refused.status_code == 302
    assert service.records(store, uid) == []
    post_form(coordinator, f"/personen/{uid}/einwilligungen", {
        "consent-how": "manual", "consent-given_at": "2026-03-03",
        "consent-evidence": "unterschriebener Bogen, Ordner Netzwerk"}, f"/personen/{uid}")
    records = service.records(store, uid)
    assert len(records) == 1
    record = records[0]
    assert (record["how"], record["given_at"], record["version"]) == ("manual", "2026-03-03", consent.CURRENT["person"])
    assert record["text"] == consent.current("person")[1] and record["recorded_by_name"] == "Test coordinator"
    page = coordinator.get(f"/personen/{uid}").get_data(as_text=True)
    assert 'data-consent-state="given"' in page and "unterschriebener Bogen" in page
    # members and organisers never see the records
    for role in ("member", "organiser"):
        other = signed_in(app, users[role]).get(f"/personen/{uid}").get_data(as_text=True)
        assert "einwilligungen" not in other and "unterschriebener Bogen" not in other
        assert post_form(signed_in(app, users[role]), f"/personen/{uid}/einwilligungen/widerruf",
                         {"withdraw-note": "x"}).status_code in (403, 404)
    # withdrawal: recorded with when, by whom and how; the record stays
    post_form(coordinator, f"/personen/{uid}/einwilligungen/widerruf", {"withdraw-note": "Anruf am 5. Mai"},
              f"/personen/{uid}")
    record = service.records(store, uid)[0]
    assert record["withdrawn_at"] and record["withdrawn_how"] == "manual" and record["withdrawn_note"] == "Anruf am 5. Mai"
    assert record["withdrawn_by_name"] == "Test coordinator"
    page = coordinator.get(f"/personen/{uid}").get_data(as_text=True)
    assert 'data-consent-state="withdrawn"' in page
    actions = raw_rows(store, f"MATCH (a:AuditEntry {{subject_uid: '{uid}', what: 'consent'}}) "
                              "RETURN a.action AS action ORDER BY action")
    assert actions == [{"action": "create"}, {"action": "update"}]


def test_a_withdrawn_person_is_no_longer_invited_from_the_network(app, store, users):
    make_event(store, capacity=5)
    coordinator = signed_in(app, users["coordinator"])
    kept = create_person(coordinator, name="Kai Kept", email="kai@example.org")
    gone = create_person(coordinator, name="Wanda Withdrawn", email="wanda@example.org")
    service.record(store, gone, how="import", given_at="2026-01-01", evidence="", by="u-1")
    service.withdraw(store, gone, how="manual", note="", by="u-1")
    registrations = app.extensions["netzwerk.registrations"]
    candidates = {row["uid"] for row in registrations.invitation_candidates("ev-1", with_contacts=True)}
    assert kept in candidates and gone not in candidates
    # and the write refuses them too, whatever a page sends
    rows = store.write("registrations/create_person_invitations", event="ev-1", rows=[
        {"person": gone, "invitation": {"uid": "i-1", "token_hash": "h-1"}, "message": {"uid": "m-1"}}])
    assert rows == []
    # a new consent makes them invitable again
    service.record(store, gone, how="import", given_at="2026-06-01", evidence="", by="u-1")
    assert gone in {row["uid"] for row in registrations.invitation_candidates("ev-1", with_contacts=True)}
    assert re.fullmatch(r"[0-9a-f-]{36}", service.records(store, gone)[0]["uid"])


def test_a_withdrawn_person_is_not_suggested_for_introductions(app, users, seeded):
    from .test_insight import JUKI, uid_of
    coordinator = signed_in(app, users["coordinator"])
    juki = uid_of(seeded, JUKI)
    html = coordinator.get("/netzwerk/vorschlaege").get_data(as_text=True)
    assert any(juki in pair for pair in re.findall(r'<li data-pair="([^"]+)">', html))
    service.record(seeded, juki, how="import", given_at="2026-01-01", evidence="", by="u-1")
    service.withdraw(seeded, juki, how="manual", note="", by="u-1")
    html = coordinator.get("/netzwerk/vorschlaege").get_data(as_text=True)
    assert not any(juki in pair for pair in re.findall(r'<li data-pair="([^"]+)">', html))
