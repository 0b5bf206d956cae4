"""Hostile input gets a German 400, never a 500: NUL bytes, lone surrogates, deep JSON, wrong
types, malformed graph exports (findings 6, 7 and 13 of the register issue)."""
import json

import pytest

from netzwerk.input_guard import MAX_JSON_DEPTH

from ..conftest import post_form
from .test_api import bearer, tokens  # noqa: F401 (fixture)
from .test_import import check


@pytest.fixture
def coordinator(client, auth, users):
    auth.login(users["coordinator"])
    return client


@pytest.mark.parametrize("url", ["/akteure?q=%00", "/akteure?field=x%00", "/akteure/abc%00def",
                                 "/angebote?q=a%00b&status=active"])
def test_nul_bytes_in_urls_are_a_400(coordinator, url):
    response = coordinator.get(url)
    assert response.status_code == 400
    assert "unzulässige Zeichen" in response.get_data(as_text=True)


def test_nul_bytes_in_forms_and_api_are_a_400(coordinator, client, tokens):
    response = post_form(coordinator, "/akteure/neu", {"name": "Ha\x00llo", "kind": "school"})
    assert response.status_code == 400
    assert client.get("/api/v1/actors?q=%00", headers=bearer(tokens["member"])).status_code == 400
    created = client.post("/api/v1/actors", headers=bearer(tokens["coordinator"]),
                          json={"name": "Verein", "kind": "association"}).get_json()
    patch = client.patch(f"/api/v1/actors/{created['uid']}", headers=bearer(tokens["coordinator"]),
                         json={"version": 1, "name": "Ve\x00rein"})
    assert patch.status_code == 400 and "unzulässige Zeichen" in patch.get_json()["message"]


def test_lone_surrogates_and_deep_json_are_a_400(client, tokens):
    headers = {**bearer(tokens["coordinator"]), "Content-Type": "application/json"}
    lone = client.post("/api/v1/actors", headers=headers, data=b'{"name": "\\ud800", "kind": "school"}')
    assert lone.status_code == 400 and "Surrogat" in lone.get_json()["message"]
    deep = client.post("/api/v1/actors", headers=headers, data=b"[" * 10_000 + b"]" * 10_000)
    assert deep.status_code == 400 and f"höchstens {MAX_JSON_DEPTH} Ebenen" in deep.get_json()["message"]
    broken = client.post("/api/v1/actors", headers=headers, data=b'{"name": ')
    assert broken.status_code == 400 and "kein gültiges JSON" in broken.get_json()["message"]


def test_the_api_refuses_wrong_types_instead_of_turning_them_into_text(client, tokens, store):
    headers = bearer(tokens["coordinator"])
    response = client.post("/api/v1/actors", headers=headers, json={"name": ["a", "b"], "kind": "school"})
    assert response.status_code == 400
    assert response.get_json()["fields"]["name"] == ["„Name“ muss ein Text sein."]
    response = client.post("/api/v1/offers", headers=headers,
                           json={"name": "Café", "status": "active", "capacity": True, "languages": ["x" * 100],
                                 "weekdays": "Montag"})
    fields = response.get_json()["fields"]
    assert "ganze Zahl" in fields["capacity"][0] and "kein gültiger Wert für „Sprachen“" in fields["languages"][0]
    assert "weekdays" not in fields, "a single value where a list is expected is read as that one value"
    created = client.post("/api/v1/actors", headers=headers, json={"name": "V", "kind": "school"}).get_json()
    stale = client.put(f"/api/v1/actors/{created['uid']}", headers=headers,
                       json={"version": True, "name": "V", "kind": "school"})
    assert stale.status_code == 400, "version true is not version 1"
    assert client.get("/api/v1/actors?q=V", headers=headers).get_json()["total"] == 1


def test_the_form_api_and_import_give_the_same_answer_for_the_same_value(coordinator, client, tokens):
    form = post_form(coordinator, "/akteure/neu", {"name": "X", "kind": "school", "website": "kein host"})
    api = client.post("/api/v1/actors", headers=bearer(tokens["coordinator"]),
                      json={"name": "X", "kind": "school", "website": "kein host"})
    page = check(coordinator, "actors", "name;kind;website\nX;Schule;kein host\n".encode())
    message = "„https://kein host“ ist keine gültige Web-Adresse (z. B. https://beispiel.de)."
    assert message in form.get_data(as_text=True)
    assert api.get_json()["fields"]["website"] == [message]
    assert message in page.get_data(as_text=True)


@pytest.mark.parametrize("document", [
    {"format": "netzwerk-graph/1", "nodes": 5, "relationships": []},
    {"format": "netzwerk-graph/1", "nodes": ["a node"], "relationships": []},
    {"format": "netzwerk-graph/1", "nodes": [{"label": "Actor", "props": ["uid", "x"]}], "relationships": []},
    {"format": "netzwerk-graph/1", "nodes": [], "relationships": None},
    {"format": "netzwerk-graph/1", "nodes": [], "relationships": ["a link"]},
])
def test_malformed_graph_exports_are_explained(coordinator, document):
    response = check(coordinator, "graph", json.dumps(document).encode(), "x.json")
    assert response.status_code == 400
    assert "Export kann nicht geladen werden" in response.get_data(as_text=True) or \
        "müssen Listen sein" in response.get_data(as_text=True)


def test_a_graph_import_sets_only_what_a_form_could(coordinator, store):
    uid = "11111111-2222-3333-4444-555555555555"
    document = {"format": "netzwerk-graph/1", "relationships": [
        {"type": "ACTIVE_IN", "from_label": "Actor", "to_label": "District", "from": uid,
         "to": "not-in-the-file", "props": {}}],
        "nodes": [{"label": "Actor", "props": {"uid": uid, "name": "Verein", "kind": "association",
                                                "search": "gefälscht", "admin": True}}]}
    page = check(coordinator, "graph", json.dumps(document).encode(), "x.json").get_data(as_text=True)
    assert "nicht in der Datei steht" in page, "a link to an unknown node is refused, not reported as loaded"
    document["relationships"] = []
    document["nodes"][0]["props"]["kind"] = "Geheimdienst"
    page = check(coordinator, "graph", json.dumps(document).encode(), "x.json").get_data(as_text=True)
    assert "kein gültiger Wert für „Art“" in page


@pytest.mark.parametrize("target", ["/\t/evil.example", "/\n/evil.example", "//evil.example",
                                    "https://evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_redirect_targets_stay_on_this_site(client, target):
    """Finding 9: `next=/\\t/evil.example` redirected to //evil.example, `/\\n/` was a 500."""
    from ..conftest import csrf_token
    token = csrf_token(client.get("/anmelden").get_data(as_text=True))
    response = client.post("/sprache", data={"csrf_token": token, "lang": "en", "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    login = client.get("/anmelden", query_string={"next": target})
    assert login.status_code == 200


def test_a_local_redirect_target_is_kept(client):
    from netzwerk.safe_redirect import local_path
    assert local_path("/akteure?q=caritas") == "/akteure?q=caritas"
    assert local_path("/\t/evil.example") is None and local_path(None) is None
