"""A need's matching offers on its pages, and the coordinator marking it met or dropped (demo data)."""
import re

from netzwerk.text import seed_uid

from ..conftest import post_form

LANSTROP_NEED = seed_uid("Need", "erstberatung-lanstrop")
SPRECHSTUNDE = seed_uid("Offer", "sprechstunde-lanstrop")


def offers_on(html):
    return re.findall(r'<li data-offer="([^"]+)" data-where="(\w+)">\s*<a [^>]+>([^<]+)</a>', html)


def test_a_need_in_lanstrop_finds_the_lanstrop_office_hours_first(client, auth, users, seeded):
    auth.login(users["member"])
    html = client.get(f"/bedarfe/{LANSTROP_NEED}/passende-angebote").get_data(as_text=True)
    offers = offers_on(html)
    assert offers[0] == (SPRECHSTUNDE, "self", "Sprechstunde lokal willkommen Lanstrop")
    assert "im Quartier Lanstrop" in html
    assert "Beratung passt, Zielgruppe Menschen mit Fluchterfahrung passt, vormittags passt" in html
    # then the office of its Stadtbezirk; the housing offer for the whole city does not fit Beratung
    assert offers[1][2] == "Begleitung nach dem Auszug (Eving/Scharnhorst)" and offers[1][1] == "area"
    assert "Wohnungsbegleitung" not in html
    # members read, but do not decide
    assert "Bedarf damit gedeckt" not in html and "Bedarf verwerfen" not in html
    # the need's own register page shows the first matches too
    detail = client.get(f"/bedarfe/{LANSTROP_NEED}").get_data(as_text=True)
    assert offers_on(detail)[0][0] == SPRECHSTUNDE and "Alle passenden Angebote" in detail


def test_a_coordinator_marks_the_need_met(client, auth, users, seeded):
    auth.login(users["coordinator"])
    page = f"/bedarfe/{LANSTROP_NEED}/passende-angebote"
    assert "Bedarf damit gedeckt" in client.get(page).get_data(as_text=True)
    response = post_form(client, f"/bedarfe/{LANSTROP_NEED}/gedeckt", {"offer": SPRECHSTUNDE, "version": "1"},
                         token_from=page)
    assert response.status_code == 302
    html = client.get(f"/bedarfe/{LANSTROP_NEED}").get_data(as_text=True)
    assert "gedeckt durch" in html and "Deckt diesen Bedarf." in html
    assert re.search(r"<dt>Status</dt><dd>gedeckt</dd>", html)
    # the history of the offer says so too
    assert "gedeckt durch „Sprechstunde lokal willkommen Lanstrop“" in client.get(
        f"/angebote/{SPRECHSTUNDE}").get_data(as_text=True)
    # a form read before that change is refused, nothing written
    stale = post_form(client, f"/bedarfe/{LANSTROP_NEED}/status", {"status": "dropped", "version": "1"},
                      token_from=page)
    assert stale.status_code == 409
    assert post_form(client, f"/bedarfe/{LANSTROP_NEED}/status", {"status": "open", "version": "2"},
                     token_from=page).status_code == 302
    assert re.search(r"<dt>Status</dt><dd>offen</dd>", client.get(f"/bedarfe/{LANSTROP_NEED}").get_data(as_text=True))


def test_dropping_needs_a_coordinator_and_a_csrf_token(client, auth, users, seeded):
    url = f"/bedarfe/{LANSTROP_NEED}/status"
    auth.login(users["member"])
    assert post_form(client, url, {"status": "dropped", "version": "1"}).status_code == 403
    auth.logout()
    auth.login(users["coordinator"])
    assert client.post(url, data={"status": "dropped", "version": "1"}).status_code in (302, 400)
    html = client.get(f"/bedarfe/{LANSTROP_NEED}").get_data(as_text=True)
    assert re.search(r"<dt>Status</dt><dd>offen</dd>", html), "no CSRF token: nothing changed"
    assert post_form(client, url, {"status": "dropped", "version": "1"}).status_code == 302
    html = client.get(f"/bedarfe/{LANSTROP_NEED}").get_data(as_text=True)
    assert re.search(r"<dt>Status</dt><dd>verworfen</dd>", html) and "Bedarf verworfen" in html
    assert "Bedarf wieder öffnen" in html and "Bedarf damit gedeckt" not in html


def test_unknown_need_and_english(client, auth, users, seeded):
    auth.login(users["member"])
    assert client.get("/bedarfe/nope/passende-angebote").status_code == 404
    post_form(client, "/sprache", {"lang": "en", "next": "/"})
    html = client.get(f"/bedarfe/{LANSTROP_NEED}/passende-angebote").get_data(as_text=True)
    assert "Matching offers" in html and "Counselling fits" in html and "mornings fits" in html
