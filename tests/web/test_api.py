"""The JSON API with per-user tokens, and its OpenAPI document."""
import pytest

from netzwerk.text import seed_uid

from ..conftest import PASSWORD, post_form


@pytest.fixture
def tokens(accounts, users):
    """An API token per role."""
    result = {}
    for role, email in users.items():
        user, _ = accounts.authenticate(email, "ein-sicheres-passwort", "127.0.0.1")
        result[role] = accounts.create_token(user, f"Test {role}")
    return result


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_without_a_token_the_api_says_401_in_json(client, auth, users):
    response = client.get("/api/v1/actors")
    assert response.status_code == 401
    assert response.get_json()["message"].startswith("Ein gültiger API-Schlüssel fehlt")
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/v1/actors", headers=bearer("nw_falsch")).status_code == 401
    # a browser session is not enough: the API is not reachable through the cookie
    auth.login(users["admin"])
    assert client.get("/api/v1/actors").status_code == 401


def test_list_filter_and_get(client, tokens, seeded):
    response = client.get("/api/v1/offers?q=düster&status=active", headers=bearer(tokens["member"]))
    assert response.status_code == 200
    body = response.get_json()
    assert body["total"] == 2
    assert {item["name"] for item in body["items"]} == {"Nachbarschaftscafé Düsternort", "Ehrenamtlicher Sprachtreff Düsternort"}
    cafe = client.get(f"/api/v1/offers/{seed_uid('Offer', 'nachbarschaftscafe-duesternort')}",
                      headers=bearer(tokens["member"])).get_json()
    assert cafe["capacity"] == 50 and cafe["frequency"] == "weekly"
    providers = next(link for link in cafe["links"] if link["type"] == "OFFERS")
    assert len(providers["items"]) == 4


def test_create_update_with_version_and_delete(client, tokens):
    headers = bearer(tokens["coordinator"])
    response = client.post("/api/v1/actors", json={"name": "Initiative Angekommen", "kind": "initiative",
                                                   "fields": ["Sprache"]}, headers=headers)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["version"] == 1 and response.headers["Location"] == f"/api/v1/actors/{created['uid']}"

    stale = created["version"]
    response = client.put(f"/api/v1/actors/{created['uid']}", headers=headers,
                          json={"name": "Initiative „Angekommen“", "kind": "initiative", "version": stale})
    assert response.status_code == 200 and response.get_json()["version"] == 2
    response = client.put(f"/api/v1/actors/{created['uid']}", headers=headers,
                          json={"name": "Überschrieben?", "kind": "initiative", "version": stale})
    assert response.status_code == 409
    assert "inzwischen von jemand anderem geändert" in response.get_json()["message"]

    response = client.patch(f"/api/v1/actors/{created['uid']}", headers=headers,
                            json={"description": "Ehrenamtliche in Lanstrop", "version": 2})
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "Initiative „Angekommen“" and body["description"] == "Ehrenamtliche in Lanstrop"

    assert client.delete(f"/api/v1/actors/{created['uid']}", headers=headers).status_code == 204
    assert client.get(f"/api/v1/actors/{created['uid']}", headers=headers).status_code == 404


def test_validation_errors_name_the_fields(client, tokens):
    response = client.post("/api/v1/offers", headers=bearer(tokens["coordinator"]),
                           json={"name": "", "status": "vielleicht", "capacity": "viele"})
    assert response.status_code == 400
    fields = response.get_json()["fields"]
    assert set(fields) >= {"name", "status", "capacity"}
    response = client.post("/api/v1/offers", headers=bearer(tokens["coordinator"]), json={"colour": "blau"})
    assert response.status_code == 400 and "colour" in response.get_json()["message"]
    response = client.post("/api/v1/offers", headers=bearer(tokens["coordinator"]), data="kein json")
    assert response.status_code == 400


def test_role_rules_apply_to_tokens(client, tokens, seeded):
    assert client.post("/api/v1/actors", headers=bearer(tokens["member"]),
                       json={"name": "X", "kind": "other"}).status_code == 403
    person = seed_uid("Person", "team-horizont")
    member_view = client.get(f"/api/v1/people/{person}", headers=bearer(tokens["member"])).get_json()
    assert not any(link["type"] == "KNOWS" for link in member_view["links"])
    coordinator_view = client.get(f"/api/v1/people/{person}", headers=bearer(tokens["coordinator"])).get_json()
    assert any(link["type"] == "KNOWS" for link in coordinator_view["links"])


def test_revoked_tokens_stop_working(client, auth, users, accounts):
    auth.login(users["coordinator"])
    html = post_form(client, "/konto/api-schluessel", {"name": "Auswertung", "password": PASSWORD},
                     token_from="/konto/api-schluessel").get_data(as_text=True)
    import re
    token = re.search(r'<code class="token">(nw_[^<]+)</code>', html).group(1)
    assert client.get("/api/v1/actors", headers=bearer(token)).status_code == 200
    page = client.get("/konto/api-schluessel").get_data(as_text=True)
    assert token not in page, "the token is shown once only"
    uid = re.search(r'/konto/api-schluessel/([^/]+)/widerrufen', page).group(1)
    post_form(client, f"/konto/api-schluessel/{uid}/widerrufen", {}, token_from="/konto/api-schluessel")
    assert client.get("/api/v1/actors", headers=bearer(token)).status_code == 401


def test_tokens_of_deactivated_users_stop_working(client, tokens, accounts, users):
    accounts.set_active(users["member"], False)
    assert client.get("/api/v1/actors", headers=bearer(tokens["member"])).status_code == 401


def test_openapi_document_describes_every_kind(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    for key in ("actors", "people", "offers", "districts", "round_tables", "needs"):
        assert f"/{key}" in document["paths"] and f"/{key}/{{uid}}" in document["paths"]
    actor = document["components"]["schemas"]["Actor"]
    assert actor["required"] == ["name", "kind"] and "youth centre" in actor["properties"]["kind"]["enum"]
