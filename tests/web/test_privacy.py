"""Data protection requests (DSGVO Art. 15 and 17): find a person, show and export everything held
about them, erase them, and keep an old export from bringing them back unnoticed. Every test runs
on FalkorDB and Neo4j."""
import io
import json

import pytest

from netzwerk import create_app
from netzwerk.config import TestConfig
from netzwerk.consents import service as consents
from netzwerk.register.model import KINDS, link_spec

from ..conftest import PASSWORD, csrf_token, raw_rows, raw_write, signed_in
from ..registration_helpers import make_event, register

NAME, EMAIL = "Ayşe Demir", "ayse.demir@example.org"


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 1000
    return create_app(config, store=store)


@pytest.fixture
def admin(app, users):
    return signed_in(app, users["admin"])


@pytest.fixture
def person(app, store):
    """Ayşe Demir: an entry with e-mail, a workplace and a contact, a registration with the same
    e-mail (and its confirmation message), an invitation, and an audit entry about her."""
    register_ = app.extensions["netzwerk.register"]
    actor = register_.create(KINDS["actors"], {"name": "Projekt Ankommen e.V.", "kind": "association"}, "Test")
    uid = register_.create(KINDS["people"], {"name": NAME, "email": EMAIL, "phone": "0231 123456",
                                             "function": "Stadtteilmütter", "consent_note": "mündlich 2026"},
                           "Test")
    other = register_.create(KINDS["people"], {"name": "Bernd Brandt"}, "Test")
    register_.add_link(link_spec("WORKS_AT", "people", "actors"), uid, actor, {"role": "Beraterin"}, "Test")
    register_.add_link(link_spec("KNOWS", "people", "people"), other, uid, {}, "Test")
    make_event(store, capacity=5)
    register(app.test_client(), "ev-1", NAME, EMAIL.upper(), organisation="Projekt Ankommen e.V.")
    register(app.test_client(), "ev-1", "Carla Conrad", "carla@example.org")
    make_event(store, uid="ev-2", name="Netzwerktreffen Nordstadt")
    app.extensions["netzwerk.registrations"].invite("ev-2", NAME, EMAIL, lambda token: f"https://x.test/{token}", "Test")
    consents.record(store, uid, how="manual", given_at="2026-10-01", evidence="Ayşe Demir, Formular vom Stadtteilfest",
                    by="u-x")
    raw_write(store, "CREATE (:AuditEntry {uid: 'a-1', at: '2026-11-01T10:00:00', user_uid: 'u-x', action: 'view', "
                     f"subject_kind: 'person', subject_uid: '{uid}', what: 'contacts'}})")
    return {"uid": uid, "actor": actor, "other": other}


def post(client, url, data=None, page=None):
    html = client.get(page or url).get_data(as_text=True)
    return client.post(url, data={"csrf_token": csrf_token(html), **(data or {})})


def test_only_admins_reach_the_privacy_pages(app, users, person):
    paths = ["/datenschutz", f"/datenschutz/person/{person['uid']}", f"/datenschutz/person/{person['uid']}/loeschen"]
    anonymous = app.test_client()
    for path in paths:
        assert anonymous.get(path).status_code == 302
    assert anonymous.post(f"/datenschutz/person/{person['uid']}/auskunft.json").status_code in (302, 400)
    for role in ("member", "organiser", "coordinator"):
        client = signed_in(app, users[role])
        for path in paths:
            assert client.get(path).status_code == 403, (role, path)
        assert client.post(f"/datenschutz/person/{person['uid']}/auskunft.json").status_code in (400, 403)
    admin = signed_in(app, users["admin"])
    for path in paths:
        assert admin.get(path).status_code == 200
    assert admin.get("/datenschutz/person/no-such-uid").status_code == 404
    assert admin.get(f"/datenschutz/etwas/{person['uid']}").status_code == 404
    assert admin.get(f"/datenschutz/person/{person['actor']}").status_code == 404  # an actor is no person
    assert "Datenschutz" in admin.get("/").get_data(as_text=True)  # in the admin's navigation


def test_access_request_finds_and_exports_everything(app, users, store, admin, person):
    app.extensions["netzwerk.accounts"].create_user(EMAIL, "Ayşe D.", "member", PASSWORD)
    # found by name (accents and case ignored) and by e-mail: entry, registration, account
    page = post(admin, "/datenschutz", {"q": "ayse dem"}).get_data(as_text=True)
    assert NAME in page and f"/datenschutz/person/{person['uid']}" in page
    page = post(admin, "/datenschutz", {"q": " AYSE.DEMIR@example.org "}).get_data(as_text=True)
    assert f"/datenschutz/person/{person['uid']}" in page and "/datenschutz/anmeldung/" in page
    assert "Ayşe D." in page  # the account with that address
    assert "Carla" not in page

    page = admin.get(f"/datenschutz/person/{person['uid']}").get_data(as_text=True)
    for text in (NAME, EMAIL, "0231 123456", "Projekt Ankommen e.V.", "Bernd Brandt", "WORKS_AT", "KNOWS",
                 "Expert/innenrunde Ankunftsorte", "2026-11-v1", "Ayşe D.", "contacts"):
        assert text in page, text
    response = post(admin, f"/datenschutz/person/{person['uid']}/auskunft.json", page=f"/datenschutz/person/{person['uid']}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["person"]["name"] == NAME and data["person"]["phone"] == "0231 123456"
    assert {(l["type"], l["name"]) for l in data["links"]} == {("WORKS_AT", "Projekt Ankommen e.V."),
                                                                ("KNOWS", "Bernd Brandt")}
    assert [r["registration"]["name"] for r in data["registrations"]] == [NAME]
    assert data["registrations"][0]["answers"] is not None
    assert data["registrations"][0]["consent"]["version"] == "2026-11-v1"
    assert [m["kind"] for m in data["registrations"][0]["messages"]] == ["confirmed"]
    assert any(c["action"] == "create" for c in data["history"])
    # the audit entry made beforehand, and the admin's own look at this page (recorded as it was shown)
    assert "a-1" in [a["uid"] for a in data["audit"]]
    assert ("view", "privacy") in [(a["action"], a["what"]) for a in data["audit"]]
    assert [(c["how"], c["evidence"]) for c in data["consents"]] == [("manual", "Ayşe Demir, Formular vom Stadtteilfest")]
    assert [a["email"] for a in data["accounts"]] == [EMAIL]
    assert [(i["event_name"], i["email"]) for i in data["invitations"]] == [("Netzwerktreffen Nordstadt", EMAIL)]
    assert [m["kind"] for m in data["messages"]] == ["invitation"]  # besides the registration's own
    text = json.dumps(data)
    assert "password" not in text and "session_token" not in text and "secret_link" not in text
    # a participant without an entry: by their registration
    carla = raw_rows(store, "MATCH (r:Registration {name: 'Carla Conrad'}) RETURN r.uid AS uid")[0]["uid"]
    data = json.loads(post(admin, f"/datenschutz/anmeldung/{carla}/auskunft.json",
                           page=f"/datenschutz/anmeldung/{carla}").get_data(as_text=True))
    assert data["subject"]["emails"] == ["carla@example.org"] and "person" not in data
    assert [r["registration"]["name"] for r in data["registrations"]] == ["Carla Conrad"]


def properties_with(store, needle):
    """Every node or relationship property anywhere that still holds the text."""
    rows = raw_rows(store, "MATCH (n) RETURN labels(n) AS what, properties(n) AS props")
    rows += raw_rows(store, "MATCH ()-[r]->() RETURN type(r) AS what, properties(r) AS props")
    return [(row["what"], key) for row in rows for key, value in row["props"].items()
            if needle in json.dumps(value, ensure_ascii=False)]


def test_erasure_asks_then_removes_name_contacts_links_history_and_outbox(app, users, store, admin, person, tmp_path):
    uid = person["uid"]
    before = app.extensions["netzwerk.registrations"].event("ev-1")
    stash = tmp_path / "imports"
    stash.mkdir(exist_ok=True)
    (stash / "tok.bin").write_bytes(f"Name;E-Mail\n{NAME};{EMAIL}\n".encode())
    (stash / "tok.json").write_text("{}")
    (stash / "other.bin").write_bytes(b"Name\nBernd Brandt\n")
    page = admin.get(f"/datenschutz/person/{uid}/loeschen").get_data(as_text=True)
    assert "Gelöschte Person " + uid[:8] in page
    # no tick, or a wrong password: nothing happens
    assert post(admin, f"/datenschutz/person/{uid}/loeschen", {"password": PASSWORD}).status_code == 400
    response = post(admin, f"/datenschutz/person/{uid}/loeschen", {"confirm": "y", "password": "falsch-falsch-falsch"})
    assert response.status_code == 400 and "Passwort ist falsch" in response.get_data(as_text=True)
    assert properties_with(store, "Ayşe")

    response = post(admin, f"/datenschutz/person/{uid}/loeschen", {"confirm": "y", "password": PASSWORD})
    assert response.status_code == 302
    assert not properties_with(store, "Ayşe") and not properties_with(store, "ayse.demir")
    assert not properties_with(store, "0231 123456") and not properties_with(store, "Stadtteilmütter")
    assert not properties_with(store, "Stadtteilfest")  # the consent record's evidence went with her
    # the erasure is in the audit log, recorded by uid and code only
    assert raw_rows(store, f"MATCH (a:AuditEntry {{subject_uid: '{uid}', action: 'erase'}}) RETURN a.what AS what") == \
        [{"what": "privacy"}]
    row = raw_rows(store, f"MATCH (p:Person {{uid: '{uid}'}}) RETURN p.name AS name, p.erased_at AS at, "
                          "p.email AS email")[0]
    assert row["name"] == f"Gelöschte Person {uid[:8]}" and row["at"] and row["email"] is None
    assert not raw_rows(store, f"MATCH (:Person {{uid: '{uid}'}})-[r]-(m) WHERE NOT m:Change AND NOT m:Invitation "
                               "RETURN type(r) AS t")
    # the history stays, with the placeholder; the registration still counts
    summaries = [r["s"] for r in raw_rows(store, f"MATCH (c:Change)-[:OF]->(:Person {{uid: '{uid}'}}) "
                                                 "RETURN c.summary AS s")]
    assert any(f"Gelöschte Person {uid[:8]} → Projekt Ankommen e.V." in (s or "") for s in summaries)
    assert any("Art. 17" in (s or "") for s in summaries)
    after = app.extensions["netzwerk.registrations"].event("ev-1")
    assert (after["confirmed"], after["waitlisted"]) == (before["confirmed"], before["waitlisted"])
    assert raw_rows(store, "MATCH (r:Registration {name: 'Carla Conrad'}) RETURN r.uid AS uid")  # others stay
    assert raw_rows(store, "MATCH (i:Invitation) RETURN i.status AS status, i.anonymised_at IS NOT NULL AS done") == \
        [{"status": "sent", "done": True}]
    assert not (stash / "tok.bin").exists() and not (stash / "tok.json").exists() and (stash / "other.bin").exists()
    # the page shows the erased state; erasing again changes nothing
    page = admin.get(f"/datenschutz/person/{uid}").get_data(as_text=True)
    assert "Gelöscht am" in page
    first = raw_rows(store, f"MATCH (p:Person {{uid: '{uid}'}}) RETURN properties(p) AS p")[0]["p"]
    changes = raw_rows(store, "MATCH (c:Change) RETURN count(c) AS n")[0]["n"]
    assert post(admin, f"/datenschutz/person/{uid}/loeschen", {"confirm": "y", "password": PASSWORD}).status_code == 302
    again = raw_rows(store, f"MATCH (p:Person {{uid: '{uid}'}}) RETURN properties(p) AS p")[0]["p"]
    assert {k: v for k, v in again.items() if k != "updated_at"} == {k: v for k, v in first.items() if k != "updated_at"}
    assert raw_rows(store, "MATCH (c:Change) RETURN count(c) AS n")[0]["n"] == changes
    # the entry with its uid stays: deleting it in the register is refused
    response = post(admin, f"/personen/{uid}/loeschen")
    assert response.status_code == 409 and "Art. 17" in response.get_data(as_text=True)
    assert raw_rows(store, f"MATCH (p:Person {{uid: '{uid}'}}) RETURN p.uid AS uid")


def test_a_participant_without_an_entry_is_erased_through_the_registration(app, users, store, admin, person):
    carla = raw_rows(store, "MATCH (r:Registration {name: 'Carla Conrad'}) RETURN r.uid AS uid")[0]["uid"]
    response = post(admin, f"/datenschutz/anmeldung/{carla}/loeschen", {"confirm": "y", "password": PASSWORD})
    assert response.status_code == 302
    assert not properties_with(store, "Carla") and not properties_with(store, "carla@")
    assert properties_with(store, "Ayşe")  # nobody else
    assert raw_rows(store, f"MATCH (r:Registration {{uid: '{carla}'}}) RETURN r.anonymised_at AS at")[0]["at"]
    assert admin.get(f"/datenschutz/anmeldung/{carla}").status_code == 200


def check_import(client, data, kind="graph", filename="netzwerk.json"):
    html = client.get("/import").get_data(as_text=True)
    return client.post("/import", data={"csrf_token": csrf_token(html), "kind": kind,
                                        "file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def apply_import(client, page, **extra):
    import re
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"/import/{token}", data={"csrf_token": csrf_token(page), "token": token, **extra})


def test_an_old_export_does_not_bring_an_erased_person_back_unnoticed(app, users, store, admin, person):
    uid = person["uid"]
    old = admin.get("/export/netzwerk.json").get_data()
    assert post(admin, f"/datenschutz/person/{uid}/loeschen", {"confirm": "y", "password": PASSWORD}).status_code == 302
    # a newer export keeps the erasure: loading it warns about nothing
    new = admin.get("/export/netzwerk.json").get_data()
    assert "erased_at" in new.decode() and NAME not in new.decode()
    assert "erased-warning" not in check_import(admin, new).get_data(as_text=True)

    response = check_import(admin, old)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "erased-warning" in page, page[page.find("error"):][:600]
    assert uid in page and NAME not in page and "1 Person in der Datei wurde hier gelöscht" in page
    response = apply_import(admin, page)
    assert response.status_code == 302
    assert "1 gelöschte Personen übersprungen" in admin.get("/import").get_data(as_text=True)
    assert not properties_with(store, "Ayşe")
    assert not raw_rows(store, f"MATCH (:Person {{uid: '{uid}'}})-[r:KNOWS|WORKS_AT]-() RETURN type(r) AS t")
    # ticked: they come back, with their links
    page = check_import(admin, old).get_data(as_text=True)
    assert apply_import(admin, page, include_erased="y").status_code == 302
    row = raw_rows(store, f"MATCH (p:Person {{uid: '{uid}'}}) RETURN p.name AS name, p.erased_at AS at")[0]
    assert row == {"name": NAME, "at": None}
    assert len(raw_rows(store, f"MATCH (:Person {{uid: '{uid}'}})-[r:KNOWS|WORKS_AT]-() RETURN type(r) AS t")) == 2


def test_a_people_list_import_says_that_erased_people_may_come_back(app, users, store, admin, person):
    coordinator = signed_in(app, users["coordinator"])
    csv = f"Name;E-Mail\n{NAME};{EMAIL}\n".encode()
    assert "erased-notice" not in check_import(coordinator, csv, "people", "personen.csv").get_data(as_text=True)
    assert post(admin, f"/datenschutz/person/{person['uid']}/loeschen", {"confirm": "y", "password": PASSWORD}).status_code == 302
    page = check_import(coordinator, csv, "people", "personen.csv").get_data(as_text=True)
    assert "erased-notice" in page and "1 Person gelöscht" in page


def test_the_privacy_pages_speak_english(app, users, store, admin, person):
    with admin.session_transaction() as session:
        session["lang"] = "en"
    page = admin.get(f"/datenschutz/person/{person['uid']}").get_data(as_text=True)
    assert "Access request" in page and "Download as JSON" in page and "Change history" in page
    page = admin.get(f"/datenschutz/person/{person['uid']}/loeschen").get_data(as_text=True)
    assert f"Really erase {NAME}?" in page and "This happens in one step" in page
    page = post(admin, "/datenschutz", {"q": "ayse"}).get_data(as_text=True)
    assert "People in the network" in page and "Event registrations" in page
