"""/api/v1/ for events, questions, registrations and check-in: the public form's rules, the
organisers' per-object check, the neutral answer, the idempotency key. Both engines."""
import pytest

from netzwerk import create_app
from netzwerk.config import TestConfig

from ..conftest import raw_rows
from ..registration_helpers import make_event

NEUTRAL = "Wir haben eine E-Mail an die angegebene Adresse geschickt."


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 2  # API keys skip the rate limits: the tests register more
    return create_app(config, store=store)


@pytest.fixture
def tokens(accounts, users):
    result = {}
    for role, email in users.items():
        user, _ = accounts.authenticate(email, "ein-sicheres-passwort", "127.0.0.1")
        result[role] = {"Authorization": f"Bearer {accounts.create_token(user, f'Test {role}')}"}
    # a second organiser, who organises no event of these tests
    accounts.create_user("andere@example.org", "Andere Organisation", "organiser", "ein-sicheres-passwort")
    other, _ = accounts.authenticate("andere@example.org", "ein-sicheres-passwort", "127.0.0.1")
    result["other"] = {"Authorization": f"Bearer {accounts.create_token(other, 'Andere')}"}
    return result


@pytest.fixture
def event(app, store, users):
    uid = make_event(store, capacity=2)
    app.extensions["netzwerk.registrations"].add_organiser(uid, users["organiser"])
    return uid


def person(i, **extra):
    return {"name": f"Person {i}", "email": f"person{i}@example.org", "consent": True, **extra}


def stored(store, uid="ev-1"):
    return raw_rows(store, f"MATCH (r:Registration)-[:FOR]->(e:Event {{uid: '{uid}'}}) "
                           "RETURN r.uid AS uid, r.status AS status, r.seq AS seq, r.source AS source, "
                           "e.registration_confirmed AS counter ORDER BY r.seq")


def test_registering_answers_alike_and_waitlists_beyond_the_places(client, store, tokens, event):
    answers = [client.post(f"/api/v1/events/{event}/registrations", json=person(i), headers=tokens["member"])
               for i in range(3)]
    assert [a.status_code for a in answers] == [202, 202, 202]
    assert all(a.get_json() == {"message": NEUTRAL} for a in answers), "a member learns nothing"
    again = client.post(f"/api/v1/events/{event}/registrations", json=person(1), headers=tokens["member"])
    assert again.status_code == 202 and again.get_json() == {"message": NEUTRAL}
    rows = stored(store)
    assert [r["status"] for r in rows] == ["confirmed", "confirmed", "waitlisted"]
    assert rows[0]["counter"] == 2
    # the event's organiser is told what happened
    body = client.post(f"/api/v1/events/{event}/registrations", json=person(1),
                       headers=tokens["organiser"]).get_json()
    assert body["registration"]["outcome"] == "existing" and body["registration"]["status"] == "confirmed"


def test_an_idempotency_key_makes_a_retry_find_the_first_registration(client, store, tokens, event):
    headers = {**tokens["organiser"], "Idempotency-Key": "anmeldung-42"}
    first = client.post(f"/api/v1/events/{event}/registrations", json=person(1), headers=headers).get_json()
    retry = client.post(f"/api/v1/events/{event}/registrations", json=person(1), headers=headers).get_json()
    assert first["registration"]["outcome"] == "created" and retry["registration"]["outcome"] == "retry"
    assert retry["registration"]["uid"] == first["registration"]["uid"]
    assert len(stored(store)) == 1
    messages = raw_rows(store, "MATCH (m:Message) RETURN m.kind AS kind")
    assert [m["kind"] for m in messages] == ["confirmed"], "a retry sends no second e-mail"
    # another account's same key is another key
    other = client.post(f"/api/v1/events/{event}/registrations", json=person(2),
                        headers={**tokens["coordinator"], "Idempotency-Key": "anmeldung-42"}).get_json()
    assert other["registration"]["outcome"] == "created"


def test_the_public_rules_apply(client, store, tokens, event):
    url = f"/api/v1/events/{event}/registrations"
    response = client.post(url, json={"name": "Ohne", "email": "ohne@example.org"}, headers=tokens["member"])
    assert response.status_code == 400 and "consent" in response.get_json()["fields"]
    response = client.post(url, json=person(1, colour="blau"), headers=tokens["member"])
    assert response.status_code == 400 and "colour" in response.get_json()["message"]
    response = client.post(url, json=person(1, email="kein-at"), headers=tokens["member"])
    assert response.status_code == 400 and "E-Mail" in response.get_json()["message"]
    make_event(store, uid="ev-closed", registration_closes="2021-01-01T00:00")
    response = client.post("/api/v1/events/ev-closed/registrations", json=person(1), headers=tokens["member"])
    assert response.status_code == 409 and response.get_json()["message"].startswith("Für diese Veranstaltung")
    make_event(store, uid="ev-draft", status="draft")
    assert client.post("/api/v1/events/ev-draft/registrations", json=person(1),
                       headers=tokens["member"]).status_code == 409
    assert client.post("/api/v1/events/gibt-es-nicht/registrations", json=person(1),
                       headers=tokens["member"]).status_code == 404
    assert client.post(url, json=person(1)).status_code == 401
    assert stored(store) == []


def test_questions_are_read_by_everyone_and_written_by_the_events_organisers(client, store, tokens, event):
    url = f"/api/v1/events/{event}/questions"
    questions = [{"label": "Organisation", "type": "text", "required": True},
                 {"label": "Essen", "type": "choice", "choices": ["Vegetarisch", "Vegan"]}]
    assert client.put(url, json={"questions": questions}, headers=tokens["member"]).status_code == 403
    assert client.put(url, json={"questions": questions}, headers=tokens["other"]).status_code == 404
    response = client.put(url, json={"questions": questions}, headers=tokens["organiser"])
    assert response.status_code == 200, response.get_json()
    saved = client.get(url, headers=tokens["member"]).get_json()["questions"]
    assert [q["label"] for q in saved] == ["Organisation", "Essen"]
    # a known key keeps its answers; a question without choices that needs them is refused
    renamed = [{**saved[0], "label": "Ihre Organisation"}]
    assert client.put(url, json={"questions": renamed}, headers=tokens["organiser"]).get_json()["questions"][0]["key"] \
        == saved[0]["key"]
    bad = client.put(url, json={"questions": [{"label": "Essen", "type": "choice"}]}, headers=tokens["organiser"])
    assert bad.status_code == 400 and "choices" in bad.get_json()["message"]
    # answers are parsed by the question's type; a required one is required
    key = saved[0]["key"]
    register = f"/api/v1/events/{event}/registrations"
    response = client.post(register, json=person(1), headers=tokens["member"])
    assert response.status_code == 400 and f"answers.{key}" in response.get_json()["fields"]
    response = client.post(register, json=person(1, answers={key: "Caritas"}), headers=tokens["member"])
    assert response.status_code == 202
    listed = client.get(register, headers=tokens["organiser"]).get_json()["items"]
    assert listed[0]["answers"] == {key: "Caritas"}


def test_participants_cancel_and_check_in_for_the_events_organisers_only(client, store, tokens, event):
    url = f"/api/v1/events/{event}/registrations"
    for i in range(3):
        client.post(url, json=person(i), headers=tokens["member"])
    assert client.get(url, headers=tokens["member"]).status_code == 403
    assert client.get(url, headers=tokens["other"]).status_code == 404
    assert client.get(url, headers=tokens["admin"]).status_code == 200  # admins hold every permission
    listed = client.get(url, headers=tokens["organiser"]).get_json()
    assert listed["total"] == 3 and [r["status"] for r in listed["items"]] == ["confirmed", "confirmed", "waitlisted"]
    assert client.get(url + "?status=waitlisted", headers=tokens["coordinator"]).get_json()["items"][0]["position"] == 1
    first, waiting = listed["items"][0]["uid"], listed["items"][2]["uid"]
    assert client.get(f"{url}/{first}", headers=tokens["other"]).status_code == 404
    assert client.get(f"{url}/{first}", headers=tokens["organiser"]).get_json()["name"] == "Person 0"
    assert client.post(f"{url}/{first}/cancel", headers=tokens["other"]).status_code == 404
    assert client.post(f"{url}/{first}/check-in", headers=tokens["member"]).status_code == 403

    # check-in: confirmed only; out again with present false
    assert client.post(f"{url}/{waiting}/check-in", headers=tokens["organiser"]).status_code == 404
    second = listed["items"][1]["uid"]
    checked = client.post(f"{url}/{second}/check-in", headers=tokens["organiser"]).get_json()
    assert checked["checked_in_at"]
    out = client.post(f"{url}/{second}/check-in", json={"present": False}, headers=tokens["organiser"]).get_json()
    assert out["checked_in_at"] is None

    cancelled = client.post(f"{url}/{first}/cancel", headers=tokens["organiser"]).get_json()
    assert cancelled["cancelled"] and cancelled["promoted"] == 1
    assert cancelled["registration"]["status"] == "cancelled"
    assert client.get(f"{url}/{waiting}", headers=tokens["organiser"]).get_json()["status"] == "confirmed"
    assert stored(store)[0]["counter"] == 2
    assert client.get(f"{url}/gibt-es-nicht", headers=tokens["organiser"]).status_code == 404


def test_events_are_listed_read_and_written_by_those_who_manage_events(client, store, tokens):
    make_event(store, uid="ev-internal", visibility="internal", status="draft")
    listed = client.get("/api/v1/events", headers=tokens["member"]).get_json()
    assert "ev-internal" in {e["uid"] for e in listed["items"]}, "signed-in callers see internal drafts"
    body = {"name": "Runder Tisch Eving", "starts_at": "2030-05-01T18:00", "visibility": "public",
            "status": "published", "capacity": 1}
    assert client.post("/api/v1/events", json=body, headers=tokens["member"]).status_code == 403
    response = client.post("/api/v1/events", json=body, headers=tokens["organiser"])
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert response.headers["Location"] == f"/api/v1/events/{created['uid']}"
    bad = client.post("/api/v1/events", json={**body, "ends_at": "2030-04-01T18:00"}, headers=tokens["organiser"])
    assert bad.status_code == 400 and "Ende" in bad.get_json()["message"]
    # raising the capacity through the API moves the waitlist up, as on the page
    url = f"/api/v1/events/{created['uid']}/registrations"
    for i in range(2):
        client.post(url, json=person(i), headers=tokens["member"])
    response = client.patch(f"/api/v1/events/{created['uid']}", json={"capacity": 2, "version": created["version"]},
                            headers=tokens["coordinator"])
    assert response.status_code == 200 and response.get_json()["capacity"] == 2
    assert [r["status"] for r in stored(store, created["uid"])] == ["confirmed", "confirmed"]
    stale = client.put(f"/api/v1/events/{created['uid']}", json={**body, "version": created["version"]},
                       headers=tokens["coordinator"])
    assert stale.status_code == 409
    assert client.get(f"/api/v1/events/{created['uid']}", headers=tokens["member"]).get_json()["name"] == body["name"]
    assert client.delete(f"/api/v1/events/{created['uid']}", headers=tokens["member"]).status_code == 403
    assert client.delete(f"/api/v1/events/{created['uid']}", headers=tokens["coordinator"]).status_code == 409
    assert client.get("/api/v1/events/gibt-es-nicht", headers=tokens["member"]).status_code == 404


def test_openapi_describes_events_and_registrations_and_every_reference_resolves(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, methods in (("/events/{uid}/registrations", {"get", "post"}),
                          ("/events/{uid}/registrations/{registration}", {"get"}),
                          ("/events/{uid}/registrations/{registration}/cancel", {"post"}),
                          ("/events/{uid}/registrations/{registration}/check-in", {"post"}),
                          ("/events/{uid}/questions", {"get", "put"})):
        assert methods <= set(document["paths"][path])
    post = document["paths"]["/events/{uid}/registrations"]["post"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in post["parameters"])
    assert "202" in post["responses"]

    def refs(value):
        if isinstance(value, dict):
            if "$ref" in value:
                yield value["$ref"]
            for item in value.values():
                yield from refs(item)
        elif isinstance(value, list):
            for item in value:
                yield from refs(item)
    for ref in refs(document):
        assert ref.startswith("#/components/schemas/") and ref.rsplit("/", 1)[1] in document["components"]["schemas"]
    for path, operations in document["paths"].items():
        declared = {part[1:-1] for part in path.split("/") if part.startswith("{")}
        for method, operation in operations.items():
            params = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert params == declared, (path, method)
            assert operation["responses"] and all(code.isdigit() for code in operation["responses"])
