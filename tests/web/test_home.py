"""The start page shows the graph's counts; health, language and security headers."""
from netzwerk.config import PROJECT_ROOT
from netzwerk.seeding import load_seed

from ..conftest import csrf_token


def counts_on(html):
    import re
    return {key: int(value.replace(".", "")) for key, value in re.findall(
        r'data-count="(\w+)">(?:<a [^>]+>)?<span class="number">([\d.]+)</span>', html)}


def test_empty_graph_shows_zero_counts(client, auth, users):
    auth.login(users["member"])
    html = client.get("/").get_data(as_text=True)
    assert counts_on(html) == {"actors": 0, "people": 0, "offers": 0, "districts": 0,
                               "round_tables": 0, "open_needs": 0, "upcoming_events": 0}
    assert "Keine kommenden Veranstaltungen." in html


def test_start_page_counts_the_seeded_graph(client, auth, users, store):
    load_seed(store, PROJECT_ROOT / "seed", "2026-01-01T00:00:00")
    auth.login(users["member"])
    html = client.get("/").get_data(as_text=True)
    counts = counts_on(html)
    assert counts["actors"] == 24 and counts["districts"] == 22 and counts["round_tables"] == 2
    assert counts["open_needs"] == len([r for r in store.read("register/list_needs", q="", field="",
                                        language="", target_group="", status="open", order="name",
                                        descending=False, skip=0, limit=100)])
    assert "Runder Tisch „Mit:Menschen“ – Halbjahrestreffen (Demo)" in html
    # every count leads to its list: the needs tile to the open needs
    assert 'href="/bedarfe?status=open"' in html and 'href="/akteure"' in html


def test_search_over_every_kind_and_recent_changes(client, auth, users, store):
    load_seed(store, PROJECT_ROOT / "seed", "2026-01-01T00:00:00")
    auth.login(users["coordinator"])
    page = client.get("/suche?q=dusternort").get_data(as_text=True)
    for heading in ("Akteure", "Angebote", "Stadtteile"):
        assert f">{heading} <small" in page, heading
    assert "Nachbarschaftscafé Düsternort" in page and "Düsternort</a>" in page
    assert 'href="/angebote?q=dusternort"' in page, "each group leads to its full list"
    assert "Nichts gefunden für „xyzzy“." in client.get("/suche?q=xyzzy").get_data(as_text=True)

    from ..conftest import post_form
    post_form(client, "/akteure/neu", {"name": "Caritas Dortmund", "kind": "welfare association"})
    home = client.get("/").get_data(as_text=True)
    recent = home[home.index("Zuletzt geändert"):]
    assert "Caritas Dortmund" in recent and "angelegt" in recent and "Test coordinator" in recent


def test_names_from_the_graph_are_escaped(client, auth, users, store):
    store.write("graph/merge_events", rows=[{"uid": "x", "props": {
        "name": "<script>alert(1)</script>", "starts_at": "2999-01-01T10:00"}, "by": "test"}], now="2026-01-01")
    auth.login(users["member"])
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_healthz_reports_the_store(client, backend):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "store": backend}


def test_english_is_available(client, auth, users):
    auth.login(users["member"])
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.post("/sprache", data={"csrf_token": token, "lang": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in html and "The network at a glance" in html and "Actors" in html
    # and the choice survives logout and login
    auth.logout()
    assert "Log in" in client.get("/anmelden").get_data(as_text=True)


def test_language_switch_refuses_foreign_redirects(client):
    token = csrf_token(client.get("/anmelden").get_data(as_text=True))
    response = client.post("/sprache", data={"csrf_token": token, "lang": "en", "next": "//evil.example"})
    assert response.headers["Location"] == "/"


def test_security_headers(client):
    response = client.get("/anmelden")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_unknown_page_is_a_german_404(client):
    response = client.get("/gibt-es-nicht")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht." in response.get_data(as_text=True)
