"""Matching in /api/v1/: a need's matching offers, met and dropped through the API, and OpenAPI."""
from netzwerk.text import seed_uid

from .test_api import bearer, tokens  # noqa: F401  (tokens: the fixture)

LANSTROP_NEED = seed_uid("Need", "erstberatung-lanstrop")
SPRECHSTUNDE = seed_uid("Offer", "sprechstunde-lanstrop")


def test_matches_of_a_need(client, tokens, seeded):
    response = client.get(f"/api/v1/needs/{LANSTROP_NEED}/matches", headers=bearer(tokens["member"]))
    assert response.status_code == 200
    body = response.get_json()
    first = body["matches"][0]
    assert first["uid"] == SPRECHSTUNDE and first["where"]["relation"] == "self"
    assert first["where"]["via"]["name"] == "Lanstrop" and first["providers"] == ["lokal willkommen Eving/Scharnhorst"]
    assert {v["criterion"]: v["verdict"] for v in first["verdicts"]} == {
        "field": "fit", "target_group": "fit", "time_of_day": "fit"}
    assert first["reason"] == "Beratung passt, Zielgruppe Menschen mit Fluchterfahrung passt, vormittags passt"
    assert body["need"]["status"] == "open" and body["need"]["version"] == 1
    english = client.get(f"/api/v1/needs/{LANSTROP_NEED}/matches?lang=en&limit=1", headers=bearer(tokens["member"]))
    assert len(english.get_json()["matches"]) == 1
    assert english.get_json()["matches"][0]["reason"].startswith("Counselling fits")
    assert client.get("/api/v1/needs/nope/matches", headers=bearer(tokens["member"])).status_code == 404
    assert client.get(f"/api/v1/needs/{LANSTROP_NEED}/matches?limit=x", headers=bearer(tokens["member"])).status_code == 400
    assert client.get(f"/api/v1/needs/{LANSTROP_NEED}/matches").status_code == 401


def test_met_and_dropped_through_the_api(client, tokens, seeded):
    url = f"/api/v1/needs/{LANSTROP_NEED}"
    assert client.post(f"{url}/met", json={"offer": SPRECHSTUNDE, "version": 1},
                       headers=bearer(tokens["member"])).status_code == 403
    assert client.post(f"{url}/met", json={"offer": SPRECHSTUNDE},
                       headers=bearer(tokens["coordinator"])).status_code == 400
    response = client.post(f"{url}/met", json={"offer": SPRECHSTUNDE, "version": 1},
                           headers=bearer(tokens["coordinator"]))
    assert response.status_code == 200
    assert response.get_json() == {"uid": LANSTROP_NEED, "status": "met", "version": 2, "met_by": [SPRECHSTUNDE]}
    assert client.post(f"{url}/status", json={"status": "dropped", "version": 1},
                       headers=bearer(tokens["coordinator"])).status_code == 409
    assert client.post(f"{url}/status", json={"status": "gone", "version": 2},
                       headers=bearer(tokens["coordinator"])).status_code == 400
    dropped = client.post(f"{url}/status", json={"status": "dropped", "version": 2}, headers=bearer(tokens["admin"]))
    assert dropped.get_json() == {"uid": LANSTROP_NEED, "status": "dropped", "version": 3}
    assert client.get(f"/api/v1/needs/{LANSTROP_NEED}", headers=bearer(tokens["member"])).get_json()["status"] == "dropped"
    assert client.post(f"{url}/met", json={"offer": "nope", "version": 3},
                       headers=bearer(tokens["coordinator"])).status_code == 404


def test_openapi_describes_matching(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert {"/needs/{uid}/matches", "/needs/{uid}/met", "/needs/{uid}/status"} <= set(document["paths"])
    assert "Match" in document["components"]["schemas"]
    assert "time_of_day" in document["components"]["schemas"]["Need"]["properties"]
