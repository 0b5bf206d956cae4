"""/luecken on the demo data: the districts with no fitting active offer (or actor), on both engines."""
import re
from urllib.parse import urlencode

from ..conftest import post_form, raw_rows

DORTMUND_DISTRICTS = {"Innenstadt-West", "Innenstadt-Nord (Nordstadt)", "Innenstadt-Ost", "Eving", "Scharnhorst",
                      "Brackel", "Aplerbeck", "Hörde", "Hombruch", "Lütgendortmund", "Huckarde", "Mengede"}
INNENSTADT = ["Innenstadt-Nord (Nordstadt)", "Innenstadt-Ost", "Innenstadt-West"]


def area_uid(store, name):
    return next(row["uid"] for row in store.read("gaps/list_district_names") if row["name"] == name)


def ask(client, store, area="Dortmund", **question):
    url = "/luecken?" + urlencode({"area": area_uid(store, area), **question})
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def gaps_on(html):
    """[(name, status)] of the gap table, in the page's order."""
    return [(name, status) for status, name in re.findall(
        r'<tr data-district="[^"]+" data-status="(\w+)">\s*<th scope="row"><a [^>]+>([^<]+)</a>', html)]


def covered_on(html):
    """{name: the text of its sources}."""
    return {name: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", rest)).strip() for name, rest in re.findall(
        r'<li data-district="[^"]+"><a [^>]+>([^<]+)</a>:(.*?)</li>', html, re.S)}


def nearby_of(html, name):
    row = html[html.index(f">{name}</a></th>"):]
    return re.findall(r"<li><a [^>]+>([^<]+)</a>", row[:row.index("</tr>")])


def test_lokal_willkommen_offices_in_dortmund(client, auth, users, seeded):
    # seed 001: which Stadtbezirke have no lokal-willkommen office? Nordstadt none, West/Ost planned
    auth.login(users["member"])
    html = ask(client, seeded, subject="actors", field="housing", level="Stadtbezirk")
    assert gaps_on(html) == [("Innenstadt-Nord (Nordstadt)", "uncovered"), ("Innenstadt-Ost", "planned"),
                             ("Innenstadt-West", "planned")]
    assert "Projekt Ankommen e.V." in html and "geplant" in html
    covered = covered_on(html)
    assert set(covered) == DORTMUND_DISTRICTS - set(INNENSTADT)
    assert "lokal willkommen Brackel/Aplerbeck" in covered["Brackel"]
    # the Sozialdezernat is active in the whole city: that covers no single Stadtbezirk
    assert all("Sozialdezernat" not in text for text in covered.values())
    # next door to the Nordstadt: the offices of Eving and Huckarde (neighbours), planned ones not
    assert nearby_of(html, "Innenstadt-Nord (Nordstadt)") == [
        "lokal willkommen Eving/Scharnhorst", "lokal willkommen Mengede/Huckarde"]


def test_counselling_offers_for_refugees_in_dortmund(client, auth, users, seeded):
    auth.login(users["member"])
    html = ask(client, seeded, field="counselling", target_group="refugees")
    # offers have no "planned": the three Innenstadt districts are plain gaps, ordered by open needs, then name
    assert gaps_on(html) == [(name, "uncovered") for name in INNENSTADT]
    assert nearby_of(html, "Innenstadt-Nord (Nordstadt)") == [
        "Begleitung nach dem Auszug (Eving/Scharnhorst)", "Begleitung nach dem Auszug (Mengede/Huckarde)"]
    # the city-wide offer of Projekt Ankommen (housing) neither fits nor covers a Stadtbezirk
    assert "Wohnungsbegleitung" not in html


def test_a_quartier_covers_its_stadtbezirk(client, auth, users, seeded):
    auth.login(users["member"])
    html = ask(client, seeded, field="counselling", weekday="thu")
    covered = covered_on(html)
    assert list(covered) == ["Scharnhorst"]
    assert covered["Scharnhorst"] == "Sprechstunde lokal willkommen Lanstrop (durch Quartier Lanstrop)"
    assert ("Eving", "uncovered") in gaps_on(html)
    assert nearby_of(html, "Eving") == ["Sprechstunde lokal willkommen Lanstrop"]
    # at the level of Quartiere the Quartier itself is covered, directly
    quartiere = ask(client, seeded, field="counselling", weekday="thu", level="Quartier")
    assert covered_on(quartiere) == {"Lanstrop": "Sprechstunde lokal willkommen Lanstrop"}
    assert gaps_on(quartiere) == []


def test_a_paused_or_ended_offer_does_not_count(client, auth, users, seeded):
    raw_rows(seeded, "MATCH (o:Offer {name: 'Sprechstunde lokal willkommen Lanstrop'}) SET o.status = 'paused'")
    raw_rows(seeded, "MATCH (o:Offer {name: 'Begleitung nach dem Auszug (Eving/Scharnhorst)'}) SET o.status = 'ended'")
    auth.login(users["member"])
    html = ask(client, seeded, area="Scharnhorst", field="counselling")
    assert covered_on(html) == {}
    assert gaps_on(html) == [("Scharnhorst", "uncovered")]
    assert "Sprechstunde" not in html and "Eving/Scharnhorst)" not in html


def test_language_filter(client, auth, users, seeded):
    raw_rows(seeded, "MATCH (o:Offer {name: 'Begleitung nach dem Auszug (Eving/Scharnhorst)'}) SET o.languages = ['ar', 'de']")
    auth.login(users["member"])
    html = ask(client, seeded, field="counselling", language="ar")
    assert set(covered_on(html)) == {"Eving", "Scharnhorst"}
    assert {name for name, _ in gaps_on(html)} == DORTMUND_DISTRICTS - {"Eving", "Scharnhorst"}
    assert nearby_of(html, "Innenstadt-Nord (Nordstadt)") == ["Begleitung nach dem Auszug (Eving/Scharnhorst)"]
    assert nearby_of(html, "Mengede") == ["Begleitung nach dem Auszug (Eving/Scharnhorst)"]
    assert covered_on(ask(client, seeded, field="counselling", language="tr")) == {}


def test_the_question_is_a_permanent_link(client, auth, users, seeded):
    auth.login(users["member"])
    dortmund = area_uid(seeded, "Dortmund")
    path = "/luecken?" + urlencode({"subject": "offers", "field": "counselling", "language": "ar",
                                    "area": dortmund, "level": "Stadtbezirk"})
    html = client.get(path).get_data(as_text=True)
    # the form shows the question again, and the page links to itself
    assert '<form method="get"' in html
    assert re.search(r'<option selected value="ar">', html) and re.search(r'<option selected value="counselling">', html)
    assert f'href="{path.replace("&", "&amp;")}"' in html
    assert len(gaps_on(html)) == 12, "nothing in Arabic yet"
    # the same link in a new session, after a login, gives the same answer
    auth.logout()
    assert client.get(path).status_code in (302, 401)
    auth.login(users["member"])
    assert gaps_on(client.get(path).get_data(as_text=True)) == gaps_on(html)
    # the page without a question shows the form only; an unknown area is refused, not answered
    assert "data-status" not in client.get("/luecken").get_data(as_text=True)
    refused = client.get("/luecken?area=nope").get_data(as_text=True)
    assert "data-status" not in refused and "Bitte eine gültige Auswahl treffen." in refused


def test_navigation_and_english(client, auth, users, seeded):
    auth.login(users["member"])
    assert 'href="/luecken"' in client.get("/").get_data(as_text=True)
    post_form(client, "/sprache", {"lang": "en", "next": "/"})
    html = ask(client, seeded, subject="actors", field="housing")
    assert "Gaps" in html and "planned" in html


def test_names_from_the_graph_are_escaped(client, auth, users, seeded):
    dortmund = area_uid(seeded, "Dortmund")
    seeded.write("graph/merge_districts", rows=[{"uid": "evil", "props": {
        "name": "<script>alert(1)</script>", "type": "Stadtbezirk"}, "by": "test"}], now="2026-01-01")
    seeded.write("graph/merge_part_of", links=[{"from": "evil", "to": dortmund}])
    auth.login(users["member"])
    html = ask(client, seeded, field="counselling")
    assert "<script>alert(1)</script>" not in html
    assert ("&lt;script&gt;alert(1)&lt;/script&gt;", "uncovered") in gaps_on(html)
