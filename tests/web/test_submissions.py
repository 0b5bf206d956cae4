"""One-time submissions: form tokens and the API's Idempotency-Key (netzwerk/submissions).

A form or API create sent twice with the same token or key creates once, and the second
answer is the first one's result; concurrent retries cannot both create (MERGE under the
uniqueness constraint on Submission.key), on both backends."""
import threading

import pytest

from netzwerk.submissions.service import key_hash

from ..conftest import Browserless, csrf_token, raw_rows


def actors_named(store, name):
    return [row for row in raw_rows(store, "MATCH (a:Actor) RETURN a.name AS name") if row["name"] == name]


@pytest.fixture
def coordinator(client, users):
    Browserless(client).login(users["coordinator"])
    return client


@pytest.fixture
def api_key(accounts, users):
    def key(role="coordinator"):
        user, _ = accounts.authenticate(users[role], "ein-sicheres-passwort", "127.0.0.1")
        return {"Authorization": f"Bearer {accounts.create_token(user, 'Test')}"}
    return key


def test_a_create_form_carries_a_one_time_token(coordinator):
    page = coordinator.get("/akteure/neu").get_data(as_text=True)
    assert 'name="form_token"' in page


def test_a_form_sent_twice_creates_once_and_shows_the_first_result(coordinator, store):
    token = csrf_token(coordinator.get("/akteure/neu").get_data(as_text=True))
    data = {"csrf_token": token, "form_token": "einmal-1", "name": "Doppelklick e.V.", "kind": "school"}
    first = coordinator.post("/akteure/neu", data=data)
    second = coordinator.post("/akteure/neu", data=data)
    assert first.status_code == 302 and second.status_code == 302
    assert second.location == first.location
    assert "schon gesendet" in coordinator.get(second.location).get_data(as_text=True)
    assert len(actors_named(store, "Doppelklick e.V.")) == 1


def test_a_form_with_invalid_input_keeps_its_token_usable(coordinator, store):
    token = csrf_token(coordinator.get("/akteure/neu").get_data(as_text=True))
    data = {"csrf_token": token, "form_token": "einmal-2", "kind": "school"}
    assert coordinator.post("/akteure/neu", data=data).status_code == 400  # no name
    assert coordinator.post("/akteure/neu", data={**data, "name": "Korrigiert e.V."}).status_code == 302
    assert len(actors_named(store, "Korrigiert e.V.")) == 1


def test_a_token_whose_first_use_is_unanswered_is_not_run_again(coordinator, store, app):
    """The first submission's outcome is unknown (claimed, never answered): a resend must not
    create again; the page says so and offers the form as a new entry."""
    submissions = app.extensions["netzwerk.submissions"]
    user = app.extensions["netzwerk.accounts"].authenticate("coordinator@example.org", "ein-sicheres-passwort",
                                                             "127.0.0.1")[0]
    store.write("submissions/claim_submission", key=key_hash(f"form:{user.uid}:/akteure/neu", "einmal-3"),
                claim="old", request="", now="2020-01-01T00:00:00")
    submissions.ttl_seconds = 10 ** 10  # the old claim is not stale here
    token = csrf_token(coordinator.get("/akteure/neu").get_data(as_text=True))
    page = coordinator.post("/akteure/neu", data={"csrf_token": token, "form_token": "einmal-3",
                                                 "name": "Ungewiss e.V.", "kind": "school"})
    text = page.get_data(as_text=True)
    assert page.status_code == 409 and "nicht sicher" in text
    assert 'value="Ungewiss e.V."' in text and 'value="einmal-3"' not in text, "sent again, it is new"
    assert actors_named(store, "Ungewiss e.V.") == []


def test_the_api_replays_the_first_answer_for_the_same_key(client, store, api_key):
    headers = {**api_key(), "Idempotency-Key": "k-1"}
    body = {"name": "API einmal", "kind": "school"}
    first = client.post("/api/v1/actors", json=body, headers=headers)
    second = client.post("/api/v1/actors", json=body, headers=headers)
    assert first.status_code == 201 and second.status_code == 201
    assert second.get_json() == first.get_json() and second.headers["Location"] == first.headers["Location"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert len(actors_named(store, "API einmal")) == 1
    other = client.post("/api/v1/actors", json={**body, "name": "API anders"}, headers=headers)
    assert other.status_code == 422 and actors_named(store, "API anders") == []
    # the key is the caller's own: another account's same key is another request
    elsewhere = client.post("/api/v1/actors", json=body, headers={**api_key("admin"), "Idempotency-Key": "k-1"})
    assert elsewhere.status_code == 201 and len(actors_named(store, "API einmal")) == 2


def test_keys_are_stored_hashed_and_stale_ones_are_deleted(client, store, api_key):
    store.write("submissions/claim_submission", key="alt", claim="c", request="", now="2000-01-01T00:00:00")
    client.post("/api/v1/actors", json={"name": "Frisch", "kind": "school"},
                headers={**api_key(), "Idempotency-Key": "geheimer-schluessel"})
    keys = [row["key"] for row in raw_rows(store, "MATCH (s:Submission) RETURN s.key AS key")]
    assert "alt" not in keys, "older than 24 hours: deleted on the next write"
    assert len(keys) == 1 and "geheimer-schluessel" not in keys[0] and len(keys[0]) == 64


def test_concurrent_retries_with_one_key_create_once(app, store, api_key):
    headers = {**api_key(), "Idempotency-Key": "gleichzeitig"}
    body = {"name": "Gleichzeitig e.V.", "kind": "school"}
    statuses, start = [], threading.Barrier(8)

    def retry():
        client = app.test_client()
        start.wait()
        statuses.append(client.post("/api/v1/actors", json=body, headers=headers).status_code)
    threads = [threading.Thread(target=retry) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(actors_named(store, "Gleichzeitig e.V.")) == 1
    assert set(statuses) <= {201, 409} and statuses.count(201) >= 1, statuses
    # once the first is answered, every retry gets its answer
    assert app.test_client().post("/api/v1/actors", json=body, headers=headers).status_code == 201
    assert len(actors_named(store, "Gleichzeitig e.V.")) == 1


def test_the_openapi_document_offers_the_key_on_every_post(client, users):
    document = client.get("/api/v1/openapi.json").get_json()
    posts = [item["post"] for item in document["paths"].values() if "post" in item]
    assert posts and all("Idempotency-Key" in [p["name"] for p in post["parameters"]] for post in posts)
    assert "outcome" in document["components"]["schemas"]["Error"]["properties"]
