"""Public registration, waitlist and move-up, window, duplicates, invitations, organiser pages.

Every test runs on FalkorDB and on Neo4j (the `database` fixture), through the real pages.
"""
import csv
import hashlib
import io
import re

import pytest

from netzwerk import create_app
from netzwerk.config import TestConfig
from netzwerk.store import WriteOutcomeUnknown

from ..conftest import Browserless, csrf_token, raw_rows
from ..registration_helpers import form_of, make_event, register

NEUTRAL = "Wir haben Ihnen eine E-Mail an die angegebene Adresse geschickt."


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 1000
    return create_app(config, store=store)


def registrations(store, uid="ev-1"):
    return raw_rows(store, f"MATCH (r:Registration)-[:FOR]->(:Event {{uid: '{uid}'}}) "
                           "RETURN r.name AS name, r.status AS status, r.seq AS seq, r.email_key AS email_key, "
                           "r.consent_version AS consent_version, r.consent_text AS consent_text, r.answers AS answers "
                           "ORDER BY r.seq")


def messages(store):
    return raw_rows(store, "MATCH (m:Message) RETURN m.kind AS kind, m.to_email AS to, m.secret_link AS link, "
                           "m.status AS status ORDER BY m.created_at, m.uid")


def link_of(store, email, kind=None):
    for message in messages(store):
        if message["to"] == email and message["link"] and (kind is None or message["kind"] == kind):
            return message["link"].split("localhost", 1)[1]
    raise AssertionError(f"no link for {email}")


def thanks_page(client, response):
    """The answer page, its CSRF token (different per request) taken out."""
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    return re.sub(r'name="csrf_token" value="[^"]+"', "", html)


def test_full_event_waitlists_in_order_and_every_answer_is_the_same(client, store):
    make_event(store)
    pages = [thanks_page(client, register(client, "ev-1", f"Person {i}", f"p{i}@example.org")) for i in range(4)]
    assert all(NEUTRAL in page for page in pages)
    assert len(set(pages)) == 1  # the page never tells who got a place
    rows = registrations(store)
    assert [(r["name"], r["status"]) for r in rows] == [
        ("Person 0", "confirmed"), ("Person 1", "confirmed"), ("Person 2", "waitlisted"), ("Person 3", "waitlisted")]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4]
    # consent text and version stored with each registration
    assert all(r["consent_version"] == "2026-11-v1" and "einverstanden" in r["consent_text"] for r in rows)
    assert sorted((m["kind"], m["to"]) for m in messages(store)) == [
        ("confirmed", "p0@example.org"), ("confirmed", "p1@example.org"),
        ("waitlisted", "p2@example.org"), ("waitlisted", "p3@example.org")]
    # the secret link is in the message, and only its SHA-256 in the graph
    token = link_of(store, "p0@example.org").rsplit("/", 1)[1]
    assert len(token) >= 43
    hashes = [row["hash"] for row in raw_rows(store, "MATCH (l:RegistrationLink) RETURN l.hash AS hash")]
    assert hashlib.sha256(token.encode()).hexdigest() in hashes
    assert not raw_rows(store, f"MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = '{token}') RETURN n.uid AS uid")
    # the personal page shows the waitlist place
    page = client.get(link_of(store, "p3@example.org")).get_data(as_text=True)
    assert "Warteliste, auf Platz 2" in page


def test_the_form_says_when_every_place_is_taken_and_when_one_is_free_again(app, client, store):
    make_event(store)  # two places
    notice = "Alle Plätze sind vergeben"

    def form_page():  # a new visitor each time: the kept page for anonymous visitors
        return app.test_client().get("/veranstaltungen/ev-1/anmeldung").get_data(as_text=True)
    assert notice not in form_page()
    register(client, "ev-1", "Person 0", "p0@example.org")
    assert notice not in form_page()
    register(client, "ev-1", "Person 1", "p1@example.org")
    assert notice in form_page()
    # the first one cancels with the personal link: nobody waits, so a place is free again
    link = link_of(store, "p0@example.org")
    visitor = app.test_client()
    cancel_page = visitor.get(link + "/abmelden").get_data(as_text=True)
    visitor.post(link + "/abmelden", data={"csrf_token": csrf_token(cancel_page)})
    assert [r["status"] for r in registrations(store)] == ["cancelled", "confirmed"]
    assert notice not in form_page()


def test_a_second_attempt_gets_the_same_answer_and_the_link_again(client, store):
    make_event(store)
    first = thanks_page(client, register(client, "ev-1", "Anna", "anna@example.org"))
    second = thanks_page(client, register(client, "ev-1", "Anna B.", "  ANNA@Example.org "))
    assert first == second
    assert len(registrations(store)) == 1
    kinds = sorted((m["kind"], m["to"]) for m in messages(store))
    assert kinds == [("confirmed", "anna@example.org"), ("existing", "anna@example.org")]
    page = client.get(link_of(store, "anna@example.org", "existing")).get_data(as_text=True)
    assert "Ihr Platz ist bestätigt" in page
    assert client.get(link_of(store, "anna@example.org", "confirmed")).status_code == 200  # the first still works


def test_the_same_form_sent_twice_makes_one_registration_and_one_message(client, store):
    make_event(store)
    data = {**form_of(client, "ev-1"), "name": "Ben", "email": "ben@example.org", "consent": "y"}
    assert client.post("/veranstaltungen/ev-1/anmeldung", data=data).status_code == 302
    assert client.post("/veranstaltungen/ev-1/anmeldung", data=data).status_code == 302
    assert len(registrations(store)) == 1
    assert [m["kind"] for m in messages(store)] == ["confirmed"]


def test_an_unknown_outcome_says_so_and_the_retry_finds_the_registration(client, store, app):
    make_event(store)
    data = {**form_of(client, "ev-1"), "name": "Cem", "email": "cem@example.org", "consent": "y"}
    real_write = store.write

    def applied_but_answer_lost(name, /, **params):
        rows = real_write(name, **params)
        if name.startswith("registrations/create_registration"):
            raise WriteOutcomeUnknown("the answer was lost")
        return rows
    store.write = applied_but_answer_lost
    response = client.post("/veranstaltungen/ev-1/anmeldung", data=data)
    store.write = real_write
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Wir wissen nicht, ob Ihre Anmeldung gespeichert wurde" in page
    assert "nichts gespeichert" not in page
    assert f'value="{data["form_token"]}"' in page  # the same form token goes with the retry
    retry = {**data, "csrf_token": csrf_token(page)}
    assert client.post("/veranstaltungen/ev-1/anmeldung", data=retry).status_code == 302
    assert len(registrations(store)) == 1
    assert [m["kind"] for m in messages(store)] == ["confirmed"]


@pytest.mark.parametrize("changes, expected, status", [
    ({"registration_opens": "2099-01-01T09:00"}, "Die Anmeldung beginnt am", 200),
    ({"registration_closes": "2021-01-01T00:00"}, "Die Anmeldung ist geschlossen", 200),
    ({"status": "draft"}, "keine öffentliche Anmeldung", 404),
    ({"status": "cancelled"}, "keine öffentliche Anmeldung", 404),
    ({"visibility": "internal"}, "keine öffentliche Anmeldung", 404),
])
def test_outside_the_window_the_page_says_so_and_accepts_nothing(client, store, changes, expected, status):
    make_event(store, **changes)
    page = client.get("/veranstaltungen/ev-1/anmeldung")
    assert page.status_code == status and expected in page.get_data(as_text=True)
    assert 'name="email"' not in page.get_data(as_text=True)
    open_form = make_event(store, uid="ev-open")
    data = {**form_of(client, open_form), "name": "Eve", "email": "eve@example.org", "consent": "y"}
    response = client.post("/veranstaltungen/ev-1/anmeldung", data=data)
    assert response.status_code == status
    assert registrations(store) == []


def test_cancel_asks_first_then_the_first_waitlisted_moves_up(client, store):
    make_event(store, capacity=1)
    for name in ("Ada", "Bea", "Cai"):
        register(client, "ev-1", name, f"{name.lower()}@example.org")
    link = link_of(store, "ada@example.org")
    ask = client.get(link + "/abmelden").get_data(as_text=True)
    assert "Wirklich abmelden?" in ask and [r["status"] for r in registrations(store)][0] == "confirmed"
    assert client.post(link + "/abmelden", data={}).status_code == 400  # CSRF
    assert client.post(link + "/abmelden", data={"csrf_token": csrf_token(ask)}).status_code == 302
    assert [(r["name"], r["status"]) for r in registrations(store)] == [
        ("Ada", "cancelled"), ("Bea", "confirmed"), ("Cai", "waitlisted")]
    kinds = sorted((m["kind"], m["to"]) for m in messages(store) if m["kind"] in ("cancelled", "promoted"))
    assert kinds == [("cancelled", "ada@example.org"), ("promoted", "bea@example.org")]
    assert "Platz 1" in client.get(link_of(store, "cai@example.org")).get_data(as_text=True)
    # cancelling twice changes nothing
    client.post(link + "/abmelden", data={"csrf_token": csrf_token(ask)})
    assert [r["status"] for r in registrations(store)] == ["cancelled", "confirmed", "waitlisted"]


def test_answers_change_with_the_personal_link(client, store):
    make_event(store)
    store.write("registrations/set_registration_questions", event="ev-1", questions=
                '[{"key": "diet", "label": "Essen", "type": "choice", "choices": ["Vegan", "Alles"], "required": true}]')
    register(client, "ev-1", "Dana", "dana@example.org", q_diet="Vegan")
    link = link_of(store, "dana@example.org")
    page = client.get(link).get_data(as_text=True)
    assert "Vegan" in page
    response = client.post(link, data={"csrf_token": csrf_token(page), "name": "Dana D.", "q_diet": "Alles"})
    assert response.status_code == 302
    row = registrations(store)[0]
    assert row["name"] == "Dana D." and '"diet": "Alles"' in row["answers"]


@pytest.fixture
def organiser_client(app, users, store):
    make_event(store, capacity=1)
    client = app.test_client()
    Browserless(client).login(users["organiser"])
    return client


def _link_organiser(app, users, store):
    app.extensions["netzwerk.registrations"].add_organiser("ev-1", users["organiser"])


def test_organisers_see_only_their_events(app, users, store, organiser_client):
    register(app.test_client(), "ev-1", "Eda", "eda@example.org")
    assert organiser_client.get("/veranstaltungen/ev-1/teilnehmende").status_code == 404
    assert organiser_client.get("/veranstaltungen/ev-1/teilnehmende?format=csv").status_code == 404
    assert "Expert/innenrunde" not in organiser_client.get("/anmeldungen").get_data(as_text=True)
    member = app.test_client()
    Browserless(member).login(users["member"])
    assert member.get("/veranstaltungen/ev-1/teilnehmende").status_code == 403
    # a coordinator links the organiser to the event on the organisation page
    coordinator = app.test_client()
    Browserless(coordinator).login(users["coordinator"])
    page = coordinator.get("/veranstaltungen/ev-1/organisation")
    assert page.status_code == 200
    assert organiser_client.get("/veranstaltungen/ev-1/organisation").status_code == 403
    coordinator.post("/veranstaltungen/ev-1/organisation", data={
        "csrf_token": csrf_token(page.get_data(as_text=True)), "email": users["organiser"]})
    listing = organiser_client.get("/veranstaltungen/ev-1/teilnehmende")
    assert listing.status_code == 200 and "eda@example.org" in listing.get_data(as_text=True)
    assert "Expert/innenrunde" in organiser_client.get("/anmeldungen").get_data(as_text=True)
    # a second event the organiser does not organise stays closed
    make_event(store, uid="ev-2")
    assert organiser_client.get("/veranstaltungen/ev-2/teilnehmende").status_code == 404


def test_raising_the_capacity_moves_the_first_waitlisted_up(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    public = app.test_client()
    for name in ("Fay", "Gus", "Hal", "Ivo"):
        register(public, "ev-1", name, f"{name.lower()}@example.org")
    page = organiser_client.get("/veranstaltungen/ev-1/teilnehmende").get_data(as_text=True)
    response = organiser_client.post("/veranstaltungen/ev-1/teilnehmende/plaetze",
                                     data={"csrf_token": csrf_token(page), "capacity": "3"})
    assert response.status_code == 302
    assert [(r["name"], r["status"]) for r in registrations(store)] == [
        ("Fay", "confirmed"), ("Gus", "confirmed"), ("Hal", "confirmed"), ("Ivo", "waitlisted")]
    assert sorted((m["kind"], m["to"]) for m in messages(store) if m["kind"] == "promoted") == [
        ("promoted", "gus@example.org"), ("promoted", "hal@example.org")]
    # the organiser cancels one: Ivo moves up
    uid = raw_rows(store, "MATCH (r:Registration {name: 'Fay'}) RETURN r.uid AS uid")[0]["uid"]
    organiser_client.post(f"/veranstaltungen/ev-1/teilnehmende/{uid}/abmelden", data={"csrf_token": csrf_token(page)})
    assert [r["status"] for r in registrations(store)] == ["cancelled", "confirmed", "confirmed", "confirmed"]


def test_exports_have_german_headings_and_the_answers(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    store.write("registrations/set_registration_questions", event="ev-1", questions=
                '[{"key": "org", "label": "Organisation", "type": "text", "required": false}]')
    register(app.test_client(), "ev-1", "Jo", "jo@example.org", q_org="=Caritas", organisation="Caritas Dortmund",
             network="y")
    register(app.test_client(), "ev-1", "Kim", "kim@example.org")
    data = organiser_client.get("/veranstaltungen/ev-1/teilnehmende?format=csv").get_data()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:15] == ["Nr.", "Name", "E-Mail", "Organisation", "Status", "Wartelistenplatz", "Angemeldet am",
                            "Eingecheckt", "Quelle", "Einwilligung (Version)", "Einwilligung am",
                            "Vernetzung erlaubt", "Vernetzung: Einwilligung (Version)", "Vernetzung: zugestimmt am",
                            "Vernetzung: widerrufen am"]
    assert rows[0][-1] == "Organisation", "then the event's own questions"
    jo, kim = (dict(zip(rows[0][:15], row[:15])) for row in rows[1:])
    assert (jo["Name"], jo["E-Mail"], jo["Organisation"], jo["Status"]) == \
        ("Jo", "jo@example.org", "Caritas Dortmund", "bestätigt") and rows[1][-1] == "'=Caritas"
    assert jo["Einwilligung (Version)"] == "2026-11-v1" and jo["Einwilligung am"].startswith("20")
    assert jo["Vernetzung erlaubt"] == "ja" and jo["Vernetzung: Einwilligung (Version)"] == "2026-11-net-v1"
    assert jo["Vernetzung: zugestimmt am"] and not jo["Vernetzung: widerrufen am"]
    assert (kim["Status"], kim["Wartelistenplatz"], kim["Vernetzung erlaubt"], kim["Organisation"]) == \
        ("Warteliste", "1", "nein", "")
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(organiser_client.get(
        "/veranstaltungen/ev-1/teilnehmende?format=xlsx").get_data())).active
    assert [c.value for c in sheet[1]][:3] == ["Nr.", "Name", "E-Mail"] and sheet.max_row == 3


def test_check_in_and_adding_by_hand(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    store.write("graph/merge_events", rows=[], now="x")
    make_event(store, uid="ev-1")  # unchanged: merge keeps it
    page = organiser_client.get("/veranstaltungen/ev-1/teilnehmende").get_data(as_text=True)
    response = organiser_client.post("/veranstaltungen/ev-1/teilnehmende/neu", data={
        "csrf_token": csrf_token(page), "name": "Lea", "email": "lea@example.org", "consent": "y"})
    assert response.status_code == 302
    uid = raw_rows(store, "MATCH (r:Registration {name: 'Lea'}) RETURN r.uid AS uid, r.source AS source")[0]
    assert uid["source"] == "manual"
    organiser_client.post(f"/veranstaltungen/ev-1/teilnehmende/{uid['uid']}/einlass",
                          data={"csrf_token": csrf_token(page), "present": "1", "back": "einlass"})
    assert "1 von 1 eingecheckt" in organiser_client.get("/veranstaltungen/ev-1/einlass?q=lea").get_data(as_text=True)


def test_questions_are_edited_by_organisers_and_required_ones_checked(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    page = organiser_client.get("/veranstaltungen/ev-1/anmeldung/fragen").get_data(as_text=True)
    response = organiser_client.post("/veranstaltungen/ev-1/anmeldung/fragen", data={
        "csrf_token": csrf_token(page),
        "questions-0-label": "Stadtteil", "questions-0-type": "text", "questions-0-required": "y",
        "questions-1-label": "Barrierefreiheit", "questions-1-type": "multi",
        "questions-1-choices": "Rollstuhl; Gebärdensprache",
        "questions-2-label": "Darf auf der Teilnehmendenliste stehen", "questions-2-type": "bool"})
    assert response.status_code == 302
    public = app.test_client()
    form = public.get("/veranstaltungen/ev-1/anmeldung").get_data(as_text=True)
    assert "Stadtteil" in form and "Gebärdensprache" in form
    key = re.search(r'name="(q_[a-z0-9]+)" required', form) or re.search(r'id="(q_[a-z0-9]+)"', form)
    missing = register(public, "ev-1", "Mo", "mo@example.org")
    html = missing.get_data(as_text=True)
    assert missing.status_code == 400
    assert 'class="error-summary"' in html and "„Stadtteil“ fehlt." in html
    field_id = re.search(r'<a href="#(q_[a-z0-9]+)">Stadtteil', html).group(1)
    assert f'aria-describedby="{field_id}-error"' in html
    assert registrations(store) == []
    names = re.findall(r'name="(q_[a-z0-9]+)"', form)
    ok = register(public, "ev-1", "Mo", "mo@example.org", **{names[0]: "Eving", names[-1]: "y"})
    assert ok.status_code == 302
    assert '"Eving"' in registrations(store)[0]["answers"]


def test_invitation_only_events_need_a_personal_link(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    store.write("graph/merge_events", rows=[], now="x")
    make_event(store, uid="ev-inv", visibility="invitation")
    app.extensions["netzwerk.registrations"].add_organiser("ev-inv", users["organiser"])
    public = app.test_client()
    assert public.get("/veranstaltungen/ev-inv/anmeldung").status_code == 403
    assert public.get("/veranstaltungen/ev-inv/anmeldung?einladung=geraten").status_code == 403
    page = organiser_client.get("/veranstaltungen/ev-inv/einladungen").get_data(as_text=True)
    organiser_client.post("/veranstaltungen/ev-inv/einladungen", data={
        "csrf_token": csrf_token(page), "name": "Nia", "email": "nia@example.org"})
    link = link_of(store, "nia@example.org", "invitation")
    form = public.get(link)
    assert form.status_code == 200 and 'value="Nia"' in form.get_data(as_text=True)
    # a post without the invitation is refused
    data = {**form_of(public, "ev-inv", "?" + link.split("?", 1)[1]), "name": "Nia", "email": "nia@example.org",
            "consent": "y"}
    assert public.post("/veranstaltungen/ev-inv/anmeldung", data={**data, "invitation": ""}).status_code == 403
    assert public.post("/veranstaltungen/ev-inv/anmeldung", data=data).status_code == 302
    assert registrations(store, "ev-inv")[0]["status"] == "confirmed"
    states = organiser_client.get("/veranstaltungen/ev-inv/einladungen").get_data(as_text=True)
    assert "angemeldet" in states


def test_honeypot_and_rate_limits(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 3
    client = create_app(config, store=store).test_client()
    make_event(store)
    response = register(client, "ev-1", "Bot", "bot@example.org", website="http://spam.example")
    assert response.status_code == 302 and registrations(store) == []
    register(client, "ev-1", "Ola", "ola@example.org")
    register(client, "ev-1", "Pia", "pia@example.org")
    assert register(client, "ev-1", "Quin", "quin@example.org").status_code == 429
    assert len(registrations(store)) == 2
    # another address is not held up
    data = {**form_of(client, "ev-1"), "name": "Rio", "email": "rio@example.org", "consent": "y"}
    assert client.post("/veranstaltungen/ev-1/anmeldung", data=data,
                       environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 302


def test_the_public_form_is_accessible_and_in_english(client, store):
    make_event(store)
    html = client.get("/veranstaltungen/ev-1/anmeldung").get_data(as_text=True)
    assert '<label for="name">' in html and '<label for="email">' in html
    assert 'aria-describedby="email-hint' in html and "<script" not in html and "style=" not in html
    assert 'class="hp" aria-hidden="true"' in html and 'tabindex="-1"' in html
    client.post("/sprache", data={"csrf_token": csrf_token(html), "lang": "en", "next": "/"})
    english = client.get("/veranstaltungen/ev-1/anmeldung").get_data(as_text=True)
    assert "Your name" in english and "Register" in english
    missing = client.post("/veranstaltungen/ev-1/anmeldung", data={**form_of(client, "ev-1"), "name": ""})
    assert "Please check what you entered" in missing.get_data(as_text=True)


def test_without_smtp_organisers_read_the_outbox_and_hand_messages_on(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    register(app.test_client(), "ev-1", "Sam", "sam@example.org")
    page = organiser_client.get("/veranstaltungen/ev-1/postausgang").get_data(as_text=True)
    assert "Es ist kein E-Mail-Server eingerichtet" in page
    assert "Anmeldung bestätigt: Expert/innenrunde Ankunftsorte" in page and "/anmeldung/" in page
    message = re.search(r'/postausgang/([^/"]+)/erledigt', page).group(1)
    organiser_client.post(f"/veranstaltungen/ev-1/postausgang/{message}/erledigt", data={"csrf_token": csrf_token(page)})
    assert [m["status"] for m in messages(store)] == ["sent"] and messages(store)[0]["link"] is None
    # another event's organiser cannot reach it
    assert organiser_client.post(f"/veranstaltungen/ev-2/postausgang/{message}/erledigt",
                                 data={"csrf_token": csrf_token(page)}).status_code == 404


def test_coordinators_remove_organisers_and_invitees_can_decline(app, users, store, organiser_client):
    _link_organiser(app, users, store)
    coordinator = app.test_client()
    Browserless(coordinator).login(users["coordinator"])
    page = coordinator.get("/veranstaltungen/ev-1/organisation").get_data(as_text=True)
    assert users["organiser"] in page
    user = re.search(r'/organisation/([^/"]+)/entfernen', page).group(1)
    coordinator.post(f"/veranstaltungen/ev-1/organisation/{user}/entfernen", data={"csrf_token": csrf_token(page)})
    assert organiser_client.get("/veranstaltungen/ev-1/teilnehmende").status_code == 404
    make_event(store, uid="ev-inv", visibility="invitation")
    service = app.extensions["netzwerk.registrations"]
    tokens = []
    service.invite("ev-inv", "Uma", "uma@example.org", lambda token: tokens.append(token) or "x", "test")
    public = app.test_client()
    form = public.get(f"/veranstaltungen/ev-inv/anmeldung?einladung={tokens[0]}").get_data(as_text=True)
    response = public.post("/veranstaltungen/ev-inv/einladung/absagen",
                           data={"csrf_token": csrf_token(form), "invitation": tokens[0]})
    assert response.status_code == 200 and "abgesagt" in response.get_data(as_text=True)
    assert [i["status"] for i in service.invitations("ev-inv")] == ["declined"]
