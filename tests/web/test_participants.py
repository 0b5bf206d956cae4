"""After registering: who met whom grows the network, participant export and erasure, retention,
messages to participants, badges and the sign-in sheet. Every test runs on FalkorDB and Neo4j."""
import io
import json

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from netzwerk import cli, create_app
from netzwerk.config import TestConfig
from netzwerk.register.model import KINDS
from netzwerk.register.service import entry_props

from ..conftest import csrf_token, raw_rows, raw_write, signed_in
from ..registration_helpers import make_event, register

NAME = "Expert/innenrunde Ankunftsorte"


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 1000
    return create_app(config, store=store)


@pytest.fixture
def organiser(app, users, store):
    make_event(store, capacity=3)
    app.extensions["netzwerk.registrations"].add_organiser("ev-1", users["organiser"])
    return signed_in(app, users["organiser"])


def reg_uid(store, name):
    rows = raw_rows(store, f"MATCH (r:Registration {{name: '{name}'}}) RETURN r.uid AS uid")
    return rows[0]["uid"]


def move_to_past(store, uid="ev-1", starts="2025-03-01T10:00", ends="2025-03-01T16:00"):
    raw_write(store, f"MATCH (e:Event {{uid: '{uid}'}}) SET e.starts_at = '{starts}', e.ends_at = '{ends}' "
                     "RETURN e.uid AS uid")


def post(client, url, data=None, page=None):
    html = client.get(page or url).get_data(as_text=True)
    return client.post(url, data={"csrf_token": csrf_token(html), **(data or {})})


# --- attendance grows the network ------------------------------------------------------------------
def knows(store):
    return raw_rows(store, "MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.name AS a, b.name AS b, "
                           "k.strength AS strength, k.context AS context, k.since AS since, k.events AS events "
                           "ORDER BY a, b")


def snapshot(store):
    return (knows(store),
            raw_rows(store, "MATCH (p:Person) RETURN p.name AS name, p.email AS email ORDER BY name"),
            raw_rows(store, "MATCH (p:Person)-[w:WORKS_AT]->(a:Actor) RETURN p.name AS p, a.name AS a ORDER BY p"))


def test_meetings_connect_only_those_who_agreed_and_twice_changes_nothing(app, users, store, organiser):
    person = KINDS["people"]
    store.write("graph/merge_people", now="2026-01-01T00:00:00", rows=[
        {"uid": "p-ben", "by": "test", "props": entry_props(person, {"name": "Ben Berger", "email": " Ben@Example.org"})},
        {"uid": "p-cem", "by": "test", "props": entry_props(person, {"name": "Cem Çelik", "email": "cem@example.org"})}])
    store.write("graph/merge_knows", links=[{"from": "p-cem", "to": "p-ben", "since": "2015",
                                             "context": "Runder Tisch", "strength": 1}])
    store.write("graph/merge_actors", now="2026-01-01T00:00:00", rows=[{"uid": "a-horizont", "by": "test", "props": entry_props(
        KINDS["actors"], {"name": "Kinder- und Jugendhaus Horizont", "kind": "youth centre"})}])
    public = app.test_client()
    register(public, "ev-1", "Ada Adler", "ada@example.org", organisation="kinder- und jugendhaus horizont", network="y")
    register(public, "ev-1", "Ben B.", "ben@example.org", network="y")
    register(public, "ev-1", "Cem", "CEM@example.org", network="y")
    register(public, "ev-1", "Dora Dorn", "dora@example.org")  # no consent to be connected: waitlisted, and never counts
    rows = raw_rows(store, "MATCH (r:Registration) RETURN r.name AS name, r.network_consent AS consent, "
                           "r.network_consent_version AS version ORDER BY r.seq")
    assert [(r["name"], r["consent"]) for r in rows] == [("Ada Adler", True), ("Ben B.", True), ("Cem", True),
                                                         ("Dora Dorn", False)]
    assert rows[0]["version"] and rows[3]["version"] is None
    uids = {name: reg_uid(store, name) for name in ("Ada Adler", "Ben B.", "Cem", "Dora Dorn")}

    # before the event nothing is recorded
    response = post(organiser, "/veranstaltungen/ev-1/begegnungen", {"met": [uids["Ada Adler"], uids["Ben B."]]})
    assert response.status_code == 400 and not knows(store)[1:]

    move_to_past(store)
    page = organiser.get("/veranstaltungen/ev-1/begegnungen").get_data(as_text=True)
    assert "Ada Adler" in page and "Dora Dorn" not in page
    assert "im Netzwerk als Ben Berger" in page and "Kinder- und Jugendhaus Horizont" in page
    data = {"met": list(uids.values()), "works_at": [uids["Ada Adler"], uids["Ben B."]]}
    response = post(organiser, "/veranstaltungen/ev-1/begegnungen", data)
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    flash = organiser.get(response.headers["Location"]).get_data(as_text=True)
    assert "2 neue Verbindungen, 1 verstärkt, 0 unverändert; 1 Personen neu im Netzwerk; 1 Verbindungen zu Akteuren" in flash
    links = {(r["a"], r["b"]): r for r in knows(store)}
    assert set(links) == {("Cem Çelik", "Ben Berger"), ("Ada Adler", "Ben Berger"), ("Ada Adler", "Cem Çelik")}
    old = links[("Cem Çelik", "Ben Berger")]
    assert (old["strength"], old["context"], old["since"], old["events"]) == (2, "Runder Tisch", "2015", ["ev-1"])
    new = links[("Ada Adler", "Ben Berger")]
    assert (new["strength"], new["context"], new["since"]) == (1, NAME, "2025-03-01")
    people = raw_rows(store, "MATCH (p:Person) RETURN p.name AS name, p.email AS email, p.consent_note AS note, "
                             "p.function AS function ORDER BY name")
    assert [p["name"] for p in people] == ["Ada Adler", "Ben Berger", "Cem Çelik"]  # no Dora, no second Ben
    assert people[0]["email"] == "ada@example.org" and NAME in people[0]["note"] and people[0]["function"] is None
    assert snapshot(store)[2] == [{"p": "Ada Adler", "a": "Kinder- und Jugendhaus Horizont"}]

    # the same again: nothing changes
    before = snapshot(store)
    response = post(organiser, "/veranstaltungen/ev-1/begegnungen", data)
    assert "0 neue Verbindungen, 0 verstärkt, 3 unverändert; 0 Personen" in organiser.get(
        response.headers["Location"]).get_data(as_text=True)
    assert snapshot(store) == before
    # strength is capped at 3 ("eng"): another event strengthens, a third one no further
    for event in ("ev-2", "ev-3"):
        make_event(store, uid=event, name=f"Runde {event}")
        for name, email in (("Ben B.", "ben@example.org"), ("Cem", "cem@example.org")):
            register(public, event, name, email, network="y")
        move_to_past(store, event)
        app.extensions["netzwerk.registrations"].add_organiser(event, users["organiser"])
        event_uids = [r["uid"] for r in raw_rows(store, f"MATCH (r:Registration)-[:FOR]->(:Event {{uid: '{event}'}}) "
                                                        "RETURN r.uid AS uid")]
        post(organiser, f"/veranstaltungen/{event}/begegnungen", {"met": event_uids})
    assert {(r["a"], r["b"]): r["strength"] for r in knows(store)}[("Cem Çelik", "Ben Berger")] == 3

    # who knows whom stays hidden from members; coordinators see it
    ada = raw_rows(store, "MATCH (p:Person {name: 'Ada Adler'}) RETURN p.uid AS uid")[0]["uid"]
    member_page = signed_in(app, users["member"]).get(f"/personen/{ada}").get_data(as_text=True)
    assert "Ada Adler" in member_page and "Ben Berger" not in member_page and "ada@example.org" not in member_page
    assert "Kinder- und Jugendhaus Horizont" in member_page
    coordinator_page = signed_in(app, users["coordinator"]).get(f"/personen/{ada}").get_data(as_text=True)
    assert "Ben Berger" in coordinator_page


def test_meeting_pages_are_per_event(app, users, store, organiser):
    make_event(store, uid="ev-2")
    assert organiser.get("/veranstaltungen/ev-2/begegnungen").status_code == 404
    assert signed_in(app, users["member"]).get("/veranstaltungen/ev-1/begegnungen").status_code == 403


# --- export and erase ----------------------------------------------------------------------------
def test_export_and_erase_one_participant(app, users, store, organiser, accounts):
    public = app.test_client()
    register(public, "ev-1", "Eda Ekin", "eda@example.org", organisation="Projekt Ankommen e.V.")
    register(public, "ev-1", "Fritz", "fritz@example.org")
    uid = reg_uid(store, "Eda Ekin")
    # another event's organiser learns nothing, a member may not, a POST without CSRF is refused
    accounts.create_user("other@example.org", "Andere Organisation", "organiser", "ein-sicheres-passwort")
    make_event(store, uid="ev-2")
    app.extensions["netzwerk.registrations"].add_organiser("ev-2", "other@example.org")
    other = signed_in(app, "other@example.org")
    member = signed_in(app, users["member"])
    for path in (f"/veranstaltungen/ev-1/teilnehmende/{uid}/daten", f"/veranstaltungen/ev-1/teilnehmende/{uid}/loeschen",
                 "/veranstaltungen/ev-1/datenschutz"):
        assert other.get(path).status_code == 404
        assert member.get(path).status_code == 403
    assert other.get(f"/veranstaltungen/ev-2/teilnehmende/{uid}/daten").status_code == 404  # not this event's
    assert organiser.post(f"/veranstaltungen/ev-1/teilnehmende/{uid}/loeschen").status_code == 400

    page = organiser.get(f"/veranstaltungen/ev-1/teilnehmende/{uid}/daten").get_data(as_text=True)
    assert "Ja, herunterladen" in page
    response = post(organiser, f"/veranstaltungen/ev-1/teilnehmende/{uid}/daten")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["registration"]["name"] == "Eda Ekin" and data["registration"]["email"] == "eda@example.org"
    assert data["registration"]["organisation"] == "Projekt Ankommen e.V."
    assert data["consent"]["version"] == "2026-11-v1" and "einverstanden" in data["consent"]["text"]
    assert data["network_consent"]["given"] is False
    assert [m["kind"] for m in data["messages"]] == ["confirmed"]
    assert "Eda Ekin" in data["messages"][0]["rendered_text"]
    assert "secret_link" not in json.dumps(data) and "/anmeldung/" not in json.dumps(data)
    assert data["event"]["name"] == NAME

    counts_before = app.extensions["netzwerk.registrations"].event("ev-1")
    assert "Ja, endgültig löschen" in organiser.get(f"/veranstaltungen/ev-1/teilnehmende/{uid}/loeschen").get_data(as_text=True)
    response = post(organiser, f"/veranstaltungen/ev-1/teilnehmende/{uid}/loeschen")
    assert response.status_code == 302
    row = raw_rows(store, f"MATCH (r:Registration {{uid: '{uid}'}}) RETURN r.name AS name, r.email AS email, "
                          "r.email_key AS key, r.answers AS answers, r.organisation AS org, r.status AS status, "
                          "r.anonymised_at AS at")[0]
    assert (row["name"], row["email"], row["key"], row["answers"], row["org"], row["status"]) == \
        (None, None, None, "{}", None, "confirmed")
    assert row["at"]
    assert not raw_rows(store, f"MATCH (l:RegistrationLink)-[:OPENS]->(:Registration {{uid: '{uid}'}}) RETURN l.hash AS h")
    assert not raw_rows(store, "MATCH (m:Message) WHERE m.to_email = 'eda@example.org' RETURN m.uid AS uid")
    assert not raw_rows(store, "MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = 'Eda Ekin') RETURN n.uid AS uid")
    after = app.extensions["netzwerk.registrations"].event("ev-1")
    assert (after["confirmed"], after["waitlisted"]) == (counts_before["confirmed"], counts_before["waitlisted"])
    listing = organiser.get("/veranstaltungen/ev-1/teilnehmende").get_data(as_text=True)
    assert "(anonymisiert)" in listing and "Fritz" in listing
    # erasing again says so; an admin may erase as well
    admin = signed_in(app, users["admin"])
    assert post(admin, f"/veranstaltungen/ev-1/teilnehmende/{uid}/loeschen").status_code == 302
    assert "schon anonymisiert" in admin.get("/veranstaltungen/ev-1/datenschutz").get_data(as_text=True)


# --- retention -----------------------------------------------------------------------------------
def test_retention_anonymises_only_past_the_period_and_keeps_counts(app, store, monkeypatch):
    public = app.test_client()
    for uid, days in (("old", None), ("recent", None), ("short", 5)):
        make_event(store, uid=uid, name=f"Runde {uid}")
        register(public, uid, f"Gast {uid}", f"gast-{uid}@example.org")
        register(public, uid, f"Zweiter {uid}", f"zwei-{uid}@example.org")
        if days is not None:
            app.extensions["netzwerk.participants"].set_retention(uid, days)
    move_to_past(store, "old", "2026-01-01T10:00", "2026-01-01T16:00")      # 100 days before the run
    move_to_past(store, "recent", "2026-03-31T10:00", "2026-03-31T16:00")   # 11 days before
    move_to_past(store, "short", "2026-03-31T10:00", "2026-03-31T16:00")    # 11 days, keeps 5
    service = app.extensions["netzwerk.participants"]
    preview = service.retention(now="2026-04-11T12:00:00")
    assert [(i["uid"], i["registrations"], i["days"]) for i in preview] == [("old", 2, 90), ("short", 2, 5)]
    assert raw_rows(store, "MATCH (r:Registration) WHERE r.anonymised_at IS NOT NULL RETURN r.uid AS uid") == []

    # the command, as cron runs it: a dry run by default, then --apply, then nothing left
    monkeypatch.setattr(cli, "_app", lambda config=None: app)
    monkeypatch.setattr(store, "close", lambda: None)
    monkeypatch.setattr("netzwerk.participants.service.berlin_now", lambda: "2026-04-11T12:00:00")
    dry = CliRunner().invoke(cli.main, ["retention"])
    assert dry.exit_code == 0, dry.output
    assert "„Runde old“ (Ende 01.01.2026, Frist 90 Tage, fällig seit 01.04.2026): 2 Anmeldungen würden anonymisiert" in dry.output
    assert "Vorschau: 4 Anmeldungen in 2 Veranstaltungen. Mit --apply wird anonymisiert." in dry.output
    assert raw_rows(store, "MATCH (r:Registration) WHERE r.anonymised_at IS NOT NULL RETURN r.uid AS uid") == []
    applied = CliRunner().invoke(cli.main, ["retention", "--apply"])
    assert applied.exit_code == 0, applied.output
    assert "„Runde short“" in applied.output and "2 Anmeldungen anonymisiert (bestätigt 2, Warteliste 0, abgemeldet 0)" in applied.output
    assert "Fertig: 4 Anmeldungen in 2 Veranstaltungen anonymisiert." in applied.output
    names = raw_rows(store, "MATCH (r:Registration)-[:FOR]->(e:Event) RETURN e.uid AS event, r.name AS name, "
                            "r.status AS status ORDER BY event, name")
    assert [(r["event"], r["name"]) for r in names] == [
        ("old", None), ("old", None), ("recent", "Gast recent"), ("recent", "Zweiter recent"),
        ("short", None), ("short", None)]
    assert app.extensions["netzwerk.registrations"].event("old")["confirmed"] == 2  # the counts stay
    again = CliRunner().invoke(cli.main, ["retention", "--apply"])
    assert "nichts fällig" in again.output


def test_the_retention_period_is_set_per_event(app, users, store, organiser):
    page = organiser.get("/veranstaltungen/ev-1/datenschutz").get_data(as_text=True)
    assert 'value="90"' in page
    assert post(organiser, "/veranstaltungen/ev-1/datenschutz", {"days": "abc"}).status_code == 400
    assert post(organiser, "/veranstaltungen/ev-1/datenschutz", {"days": "30"}).status_code == 302
    assert raw_rows(store, "MATCH (e:Event {uid: 'ev-1'}) RETURN e.retention_days AS days") == [{"days": 30}]


# --- messages to participants --------------------------------------------------------------------
def organiser_messages(store):
    return raw_rows(store, "MATCH (m:Message {kind: 'organiser'})-[:ABOUT]->(r:Registration) RETURN m.to_email AS to, "
                           "m.subject AS subject, m.body AS body, m.language AS language, m.status AS status, "
                           "r.status AS registration ORDER BY to")


def test_a_message_to_one_status_reaches_exactly_that_group(app, users, store, organiser):
    public = app.test_client()
    for i in range(4):  # 3 places: three confirmed, one waitlisted
        register(public, "ev-1", f"Person {i}", f"p{i}@example.org")
    register(public, "ev-1", "Waiting Two", "w2@example.org")
    registrations = app.extensions["netzwerk.registrations"]
    raw_write(store, "MATCH (r:Registration {email: 'w2@example.org'}) SET r.language = 'en' RETURN r.uid AS uid")
    registrations.check_in("ev-1", reg_uid(store, "Person 0"), True)
    registrations.cancel("ev-1", reg_uid(store, "Person 1"))  # Person 3 moves up; w2 stays waitlisted

    page = organiser.get("/veranstaltungen/ev-1/nachricht").get_data(as_text=True)
    preview = organiser.post("/veranstaltungen/ev-1/nachricht", data={
        "csrf_token": csrf_token(page), "group": "waitlisted", "subject": "Raumänderung",
        "body": "Wir treffen uns in Raum 2 {bitte} merken.", "preview": "1"})
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Diese Nachricht geht an 1 Person (Warteliste)." in html
    assert not organiser_messages(store)  # the preview sends nothing
    batch = html.split('name="batch" type="hidden" value="')[1].split('"')[0]
    data = {"csrf_token": csrf_token(html), "group": "waitlisted", "subject": "Raumänderung",
            "body": "Wir treffen uns in Raum 2 {bitte} merken.", "batch": batch, "send": "1"}
    assert organiser.post("/veranstaltungen/ev-1/nachricht", data=data).status_code == 302
    assert organiser.post("/veranstaltungen/ev-1/nachricht", data=data).status_code == 302  # a double click
    messages = organiser_messages(store)
    assert [(m["to"], m["registration"], m["status"]) for m in messages] == [("w2@example.org", "waitlisted", "pending")]
    # the organiser's words as written, the frame in the recipient's language
    from netzwerk.mail import render
    full = raw_rows(store, "MATCH (m:Message {kind: 'organiser'}) RETURN m AS m")[0]["m"]
    props = dict(full.properties if hasattr(full, "properties") else full)
    subject, body = render(props)
    assert subject.startswith("Raumänderung – ") and "Wir treffen uns in Raum 2 {bitte} merken." in body
    assert "Hello Waiting Two" in body
    assert "Guten Tag" not in body
    outbox = organiser.get("/veranstaltungen/ev-1/postausgang").get_data(as_text=True)
    assert "Raumänderung" in outbox

    # the other groups count right
    service = app.extensions["netzwerk.participants"]
    assert [service.recipients("ev-1", g) for g in ("all", "confirmed", "waitlisted", "checked_in", "cancelled")] == \
        [4, 3, 1, 1, 1]
    assert service.send_message("ev-1", "checked_in", "Danke", "Danke fürs Kommen!", "b2") == 1
    assert service.send_message("ev-1", "cancelled", "Schade", "Nächstes Mal!", "b3") == 1
    assert sorted((m["to"], m["subject"]) for m in organiser_messages(store)) == [
        ("p0@example.org", "Danke"), ("p1@example.org", "Schade"), ("w2@example.org", "Raumänderung")]
    assert signed_in(app, users["member"]).get("/veranstaltungen/ev-1/nachricht").status_code == 403


# --- badges and the sign-in sheet ----------------------------------------------------------------
def pdf_text(response):
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    return "\n".join(page.extract_text() for page in reader.pages)


def test_badges_and_sign_in_sheet_carry_the_names(app, users, store, organiser):
    make_event(store, capacity=10)
    public = app.test_client()
    register(public, "ev-1", "Jürgen Groß", "j@example.org", organisation="Kinder- und Jugendhaus Horizont")
    register(public, "ev-1", "Ольга Петрова", "olga@example.org")
    register(public, "ev-1", "Νίκος Παπαδόπουλος", "nikos@example.org", organisation="Straßenküche Œuvre")
    register(public, "ev-1", "Weg Gegangen", "weg@example.org")
    app.extensions["netzwerk.registrations"].cancel("ev-1", reg_uid(store, "Weg Gegangen"))
    badges = pdf_text(organiser.get("/veranstaltungen/ev-1/namensschilder.pdf"))
    sheet = pdf_text(organiser.get("/veranstaltungen/ev-1/unterschriftenliste.pdf"))
    for text in (badges, sheet):
        for name in ("Jürgen Groß", "Ольга Петрова", "Νίκος Παπαδόπουλος", "Kinder- und Jugendhaus Horizont"):
            assert name in text.replace("\n", " ")
        assert "Weg Gegangen" not in text
    assert NAME in badges
    assert "Unterschrift" in sheet and "Organisation" in sheet
    assert signed_in(app, users["member"]).get("/veranstaltungen/ev-1/namensschilder.pdf").status_code == 403
    make_event(store, uid="ev-2")
    assert organiser.get("/veranstaltungen/ev-2/unterschriftenliste.pdf").status_code == 404


def pairs(store):
    return sorted(tuple(sorted((r["a"], r["b"]))) for r in knows(store))


def test_a_participant_withdraws_the_consent_to_be_connected(app, users, store, organiser):
    """On the personal page (the secret link): recorded with its time, and honoured: no new KNOWS
    from that registration; what was recorded before stays (the page says so)."""
    public = app.test_client()
    for name, email in (("Ada Adler", "ada@example.org"), ("Ben B.", "ben@example.org"), ("Cem", "cem@example.org")):
        register(public, "ev-1", name, email, network="y")
    uids = {name: reg_uid(store, name) for name in ("Ada Adler", "Ben B.", "Cem")}
    move_to_past(store)
    post(organiser, "/veranstaltungen/ev-1/begegnungen", {"met": [uids["Ada Adler"], uids["Ben B."]]})
    assert pairs(store) == [("Ada Adler", "Ben B.")]

    link = raw_rows(store, "MATCH (m:Message)-[:ABOUT]->(r:Registration {name: 'Ben B.'}) RETURN m.secret_link AS link")
    path = "/anmeldung/" + link[0]["link"].rsplit("/anmeldung/", 1)[1]
    page = public.get(path).get_data(as_text=True)
    assert "Verbindung im Netzwerk" in page and "Zustimmung widerrufen" in page
    # without the CSRF token nothing happens
    public.post(f"{path}/netzwerk-widerrufen", data={})
    assert raw_rows(store, "MATCH (r:Registration {name: 'Ben B.'}) RETURN r.network_consent AS c")[0]["c"] is True
    response = post(public, f"{path}/netzwerk-widerrufen", page=path)
    assert response.status_code == 302
    page = public.get(path).get_data(as_text=True)
    assert "widerrufen" in page and "bleiben im Netzwerk" in page and "Zustimmung widerrufen" not in page
    ben = raw_rows(store, "MATCH (r:Registration {name: 'Ben B.'}) RETURN r.network_consent AS consent, "
                          "r.network_consent_withdrawn_at AS withdrawn, r.network_consent_version AS version")[0]
    assert ben["consent"] is False and ben["withdrawn"] and ben["version"], "recorded, with what was agreed"

    # honoured: Ben is no longer offered, and a stale form naming him connects only the others
    page = organiser.get("/veranstaltungen/ev-1/begegnungen").get_data(as_text=True)
    assert "Ada Adler" in page and "Ben B." not in page
    post(organiser, "/veranstaltungen/ev-1/begegnungen", {"met": list(uids.values())})
    assert pairs(store) == [("Ada Adler", "Ben B."), ("Ada Adler", "Cem")], \
        "no new link for Ben; the one made before stays"
    # the export of his data shows both times
    data = json.loads(post(organiser, f"/veranstaltungen/ev-1/teilnehmende/{uids['Ben B.']}/daten").get_data(as_text=True))
    assert data["network_consent"]["given_at"] and data["network_consent"]["withdrawn_at"] == ben["withdrawn"]
    # a second withdrawal changes nothing
    assert app.extensions["netzwerk.registrations"].withdraw_network_consent(path.rsplit("/", 1)[1]) is False
