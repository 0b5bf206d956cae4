"""The audit log (issue 11): who viewed or changed personal data, readable by admins only, with
codes and uids only (no names, no values), names resolved when the page is read."""
import re

import pytest

from netzwerk import create_app
from netzwerk.audit import service
from netzwerk.config import TestConfig

from ..conftest import post_form, raw_rows, signed_in
from ..registration_helpers import make_event, register


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 1000
    return create_app(config, store=store)


def audit_rows(store):
    return raw_rows(store, "MATCH (a:AuditEntry) RETURN a.user_uid AS user_uid, a.action AS action, "
                           "a.subject_kind AS subject_kind, a.subject_uid AS subject_uid, a.what AS what, "
                           "a.at AS at, a.uid AS uid ORDER BY a.at, a.action, a.what")


def user_uid(accounts, email):
    return next(u["uid"] for u in accounts.list_users() if u["email"] == email)


def create_person(client, **data):
    response = post_form(client, "/personen/neu", data)
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    return response.headers["Location"].rsplit("/", 1)[1]


def test_a_coordinator_viewing_and_changing_a_person_is_recorded_without_names(app, store, users, accounts):
    coordinator = signed_in(app, users["coordinator"])
    uid = create_person(coordinator, name="Amira Haddad", email="amira@example.org", phone="0421 123")
    assert coordinator.get(f"/personen/{uid}").status_code == 200
    rows = audit_rows(store)
    who = user_uid(accounts, users["coordinator"])
    assert [(r["action"], r["subject_kind"], r["subject_uid"], r["what"], r["user_uid"]) for r in rows] == [
        ("create", "person", uid, "person", who), ("view", "person", uid, "contacts", who)]
    # no name, e-mail or value anywhere in an entry
    every_value = " ".join(str(v) for r in raw_rows(store, "MATCH (a:AuditEntry) RETURN properties(a) AS p")
                           for v in r["p"].values())
    assert "Amira" not in every_value and "amira@example.org" not in every_value and "0421" not in every_value
    # a member sees the page without contacts: nothing to record
    member = signed_in(app, users["member"])
    assert member.get(f"/personen/{uid}").status_code == 200
    assert len(audit_rows(store)) == 2
    # the CSV export with contacts records one entry per person exported
    assert coordinator.get("/personen?format=csv").status_code == 200
    assert ("export", uid, "contacts") in [(r["action"], r["subject_uid"], r["what"]) for r in audit_rows(store)]


def test_only_admins_read_the_log_with_current_names_and_erased_people_marked(app, store, users, accounts):
    coordinator = signed_in(app, users["coordinator"])
    uid = create_person(coordinator, name="Jonas Weber", email="jonas@example.org")
    coordinator.get(f"/personen/{uid}")
    assert coordinator.get("/verwaltung/protokoll").status_code == 403
    assert signed_in(app, users["member"]).get("/verwaltung/protokoll").status_code == 403
    assert signed_in(app, users["organiser"]).get("/verwaltung/protokoll").status_code == 403
    assert app.test_client().get("/verwaltung/protokoll").status_code == 302  # to the login
    admin = signed_in(app, users["admin"])
    page = admin.get("/verwaltung/protokoll")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Test coordinator" in html and "Jonas Weber" in html
    assert 'href="/verwaltung/protokoll"' in admin.get("/").get_data(as_text=True)
    # erased (trust-privacy's contract: erased_at set, name removed): shown as erased
    raw_rows(store, f"MATCH (p:Person {{uid: '{uid}'}}) SET p.erased_at = '2026-02-01T10:00:00', "
                    "p.name = 'gelöscht' RETURN p.uid AS uid")
    html = admin.get("/verwaltung/protokoll").get_data(as_text=True)
    assert "(gelöscht)" in html and "Jonas" not in html


def test_filters_and_pages(app, store, users, accounts):
    admin_uid = user_uid(accounts, users["admin"])
    coordinator_uid = user_uid(accounts, users["coordinator"])
    for day in range(1, 31):
        service.record(store, coordinator_uid, "view", "person", f"p-{day}", "contacts", at=f"2026-03-{day:02}T10:00:00")
    service.record(store, admin_uid, "export", "graph", "", "network", at="2026-04-01T09:00:00")
    service.record_many(store, coordinator_uid, [service.Entry("update", "registration", "r-1", "check_in"),
                                                 service.Entry("update", "registration", "r-2", "check_in")],
                        at="2026-04-02T09:00:00")
    first = service.entries(store, per_page=10)
    uids = [r["subject_uid"] for r in first["rows"]]
    assert first["has_next"] and sorted(uids[:2]) == ["r-1", "r-2"] and uids[2:4] == ["", "p-30"]
    assert first["rows"][0]["user_name"] == "Test coordinator"
    assert len(service.entries(store, page=4, per_page=10)["rows"]) == 3
    assert [r["subject_uid"] for r in service.entries(store, subject="p-7")["rows"]] == ["p-7"]
    assert [r["action"] for r in service.entries(store, user=admin_uid)["rows"]] == ["export"]
    assert len(service.entries(store, action="update")["rows"]) == 2
    march = service.entries(store, since="2026-03-10", until="2026-03-20")["rows"]
    assert [r["subject_uid"] for r in march] == [f"p-{d}" for d in range(19, 9, -1)]
    with pytest.raises(ValueError):
        service.record(store, admin_uid, "peek", "person", "p-1", "contacts")
    # the page: filters from the query string, a day range inclusive of `bis`, next link
    service.record_many(store, coordinator_uid, [service.Entry("view", "person", f"q-{n}", "contacts")
                                                 for n in range(20)], at="2026-02-01T08:00:00")
    admin = signed_in(app, users["admin"])
    html = admin.get("/verwaltung/protokoll?von=2026-03-19&bis=2026-03-20&aktion=view").get_data(as_text=True)
    assert len(re.findall(r"<tr data-entry=", html)) == 2
    html = admin.get("/verwaltung/protokoll").get_data(as_text=True)
    assert 'rel="next"' in html and "(nicht mehr vorhanden)" in html
    assert 'rel="prev"' in admin.get("/verwaltung/protokoll?seite=2").get_data(as_text=True)


def test_participant_lists_exports_and_check_in_are_recorded(app, store, users, accounts):
    make_event(store, capacity=3)
    app.extensions["netzwerk.registrations"].add_organiser("ev-1", users["organiser"])
    assert register(app.test_client(), "ev-1", "Lea Nowak", "lea@example.org").status_code == 302
    # the public registration is not an authenticated view of personal data: nothing recorded
    assert audit_rows(store) == []
    organiser = signed_in(app, users["organiser"])
    assert organiser.get("/veranstaltungen/ev-1/teilnehmende").status_code == 200
    assert organiser.get("/veranstaltungen/ev-1/teilnehmende?format=csv").status_code == 200
    assert organiser.get("/veranstaltungen/ev-1/namensschilder.pdf").status_code == 200
    registration = raw_rows(store, "MATCH (r:Registration) RETURN r.uid AS uid")[0]["uid"]
    html = organiser.get("/veranstaltungen/ev-1/einlass").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)
    assert organiser.post(f"/veranstaltungen/ev-1/teilnehmende/{registration}/einlass",
                          data={"csrf_token": token, "present": "1"}).status_code == 302
    who = user_uid(accounts, users["organiser"])
    got = sorted((r["action"], r["subject_kind"], r["subject_uid"], r["what"]) for r in audit_rows(store)
                 if r["user_uid"] == who)
    assert got == sorted([("view", "event", "ev-1", "participants"), ("export", "event", "ev-1", "participants"),
                          ("export", "event", "ev-1", "participants"), ("view", "event", "ev-1", "participants"),
                          ("update", "registration", registration, "check_in")])
    admin = signed_in(app, users["admin"])
    html = admin.get(f"/verwaltung/protokoll?betrifft={registration}").get_data(as_text=True)
    assert "Lea Nowak" in html and "Einlass" in html


def test_the_api_records_reads_of_contacts_and_changes_of_people(app, store, users, accounts):
    user, _ = accounts.authenticate(users["coordinator"], "ein-sicheres-passwort", "127.0.0.1")
    headers = {"Authorization": f"Bearer {accounts.create_token(user, 'Test')}"}
    client = app.test_client()
    created = client.post("/api/v1/people", json={"name": "Mara Api", "email": "mara@example.org"}, headers=headers)
    assert created.status_code == 201, created.get_data(as_text=True)
    uid = created.get_json()["uid"]
    assert client.get(f"/api/v1/people/{uid}", headers=headers).status_code == 200
    assert client.get("/api/v1/people", headers=headers).status_code == 200
    assert client.delete(f"/api/v1/people/{uid}", headers=headers).status_code == 204
    got = [(r["action"], r["what"], r["user_uid"]) for r in audit_rows(store) if r["subject_uid"] == uid]
    assert sorted(got) == sorted([("create", "person", user.uid), ("view", "contacts", user.uid),
                                  ("view", "contacts", user.uid), ("delete", "person", user.uid)])
