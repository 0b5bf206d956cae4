"""/netzwerk/analyse, /netzwerk/wege and /netzwerk/vorschlaege on the demo data, on both engines:
the measures, the Dortmund network, introduction paths for coordinators and members (no KNOWS),
suggested introductions with dismiss (CSRF), the cache and its recomputation after a change."""
import re
from urllib.parse import urlencode

from netzwerk.insight.service import FULL, PUBLIC, wait_for_job

from ..conftest import csrf_token, raw_rows
from .test_api import bearer, tokens  # noqa: F401  (the fixture: an API key per role)

JUKI = "Leitung JuKi-Treff Lanstrop (Demo)"
ANGEKOMMEN = "Ansprechperson Initiative „Angekommen“ (Demo)"
TEAM_EVING = "Team lokal willkommen Eving/Scharnhorst"


def uid_of(store, name):
    return next(row["uid"] for row in store.read("insight/list_network_nodes") if row["name"] == name)


def area_uid(store, name):
    return next(row["uid"] for row in store.read("insight/list_network_districts") if row["name"] == name)


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def chains(html):
    return [text(chain).strip() for chain in re.findall(r'<li class="chain">(.*?)</li>', html, re.S)]


def test_analysis_of_the_dortmund_network(client, auth, users, seeded):
    auth.login(users["coordinator"])
    page = client.get("/netzwerk/analyse?" + urlencode({"gebiet": area_uid(seeded, "Dortmund")}))
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for heading in ("Vermittler", "Schlüsselstellen", "Inseln", "Gruppen", "Brücken zwischen Stadtteilen"):
        assert f">{heading}</h2>" in html
    assert "Stand:" in html
    assert "verlieren diese Gruppen ihre Verbindung" in html
    # every lokal-willkommen office hangs on the Sozialdezernat or the network: the Eving office
    # links the Lanstrop actors to the rest, so it is the top broker and a key point
    brokers = re.findall(r'<tr data-uid="[^"]+"><th scope="row"><a href="/akteure/[^"]+">([^<]+)</a>', html)
    assert brokers[0] == "lokal willkommen Eving/Scharnhorst"
    cut = html[html.index('id="h-cut"'):html.index('id="h-islands"')]
    assert "lokal willkommen Eving/Scharnhorst" in cut and "JuKi-Treff Lanstrop" in cut
    # only Dortmund: nothing from Delmenhorst or Bremerhaven
    answer = html[html.index('id="h-brokers"'):]
    assert "Düsternort" not in answer and "Bremerhaven" not in answer
    # each name links to its page
    assert re.search(r'<a href="/akteure/[0-9a-f-]+">lokal willkommen Eving/Scharnhorst</a>', html)


def test_the_whole_network_has_islands(client, auth, users, seeded):
    auth.login(users["coordinator"])
    html = client.get("/netzwerk/analyse").get_data(as_text=True)
    islands = html[html.index('id="h-islands"'):html.index('id="h-communities"')]
    # the cities of the demo data are not linked to one another
    assert re.search(r"zerfällt in \d+ Teile", islands)
    assert "Getrennte Teile" in islands


def test_members_see_the_analysis_without_knows(client, auth, users, seeded):
    auth.login(users["member"])
    html = client.get("/netzwerk/analyse?" + urlencode({"gebiet": area_uid(seeded, "Dortmund")})).get_data(as_text=True)
    assert "Ohne Bekanntschaften" in html
    assert "Vorgeschlagene Vorstellungen" not in html
    assert client.get("/netzwerk/vorschlaege").status_code == 403


def test_introduction_path_for_a_coordinator_goes_through_acquaintances(client, auth, users, seeded):
    auth.login(users["coordinator"])
    html = client.get("/netzwerk/wege?" + urlencode({"von": JUKI, "nach": ANGEKOMMEN})).get_data(as_text=True)
    found = chains(html)
    assert len(found) == 1
    assert found[0].startswith(JUKI) and f"kennt → {TEAM_EVING}" in found[0] and found[0].endswith("(Person)")
    # both know the Eving team: their common contact
    common = html[html.index("Gemeinsame Bekannte"):]
    assert TEAM_EVING in common[:common.index("</ul>")]


def test_introduction_path_for_a_member_avoids_knows(client, auth, users, seeded):
    auth.login(users["member"])
    query = {"von": JUKI, "von_uid": uid_of(seeded, JUKI), "nach": ANGEKOMMEN, "nach_uid": uid_of(seeded, ANGEKOMMEN)}
    html = client.get("/netzwerk/wege?" + urlencode(query)).get_data(as_text=True)
    found = chains(html)
    assert found and all("kennt" not in chain for chain in found)
    assert "arbeitet bei" in found[0] and "lokal willkommen Eving/Scharnhorst" in found[0]
    assert "Gemeinsame Bekannte" not in html
    # the member's chains are four links long: three steps find none
    html = client.get("/netzwerk/wege?" + urlencode({**query, "schritte": 3})).get_data(as_text=True)
    assert chains(html) == [] and "Kein Weg in 3 Schritten." in html


def test_no_path_between_cities(client, auth, users, seeded):
    auth.login(users["coordinator"])
    html = client.get("/netzwerk/wege?" + urlencode({"von": JUKI, "nach": "Kinder- und Jugendhaus Horizont"})).get_data(as_text=True)
    assert "Kein Weg in 4 Schritten." in html
    html = client.get("/netzwerk/wege?" + urlencode({"von": "Niemand Bekanntes", "nach": JUKI})).get_data(as_text=True)
    assert "ist keine Person, kein Akteur" in html


def test_type_ahead_and_two_steps(client, auth, users, seeded):
    auth.login(users["member"])
    rows = client.get("/netzwerk/namen?q=juki").get_json()
    assert {row["name"] for row in rows} >= {JUKI, "JuKi-Treff Lanstrop"}
    html = client.get(f"/netzwerk/umfeld/{uid_of(seeded, JUKI)}").get_data(as_text=True)
    one = html[html.index('id="h-one"'):html.index('id="h-two"')]
    assert "JuKi-Treff Lanstrop" in one and TEAM_EVING not in one  # members: no KNOWS
    auth.logout()
    auth.login(users["coordinator"])
    html = client.get(f"/netzwerk/umfeld/{uid_of(seeded, JUKI)}").get_data(as_text=True)
    one = html[html.index('id="h-one"'):html.index('id="h-two"')]
    assert TEAM_EVING in one
    assert client.get("/netzwerk/umfeld/unbekannt").status_code == 404


def test_suggested_introductions_and_dismiss(client, auth, users, seeded):
    auth.login(users["coordinator"])
    html = client.get("/netzwerk/vorschlaege").get_data(as_text=True)
    pairs = re.findall(r'<li data-pair="([^"]+)">', html)
    juki, angekommen = uid_of(seeded, JUKI), uid_of(seeded, ANGEKOMMEN)
    pair = "|".join(sorted((juki, angekommen)))
    # both know the Eving team but not each other; both work in Lanstrop
    assert pair in pairs
    item = html[html.index(f'data-pair="{pair}"'):]
    assert "Beide" in item[:item.index("</li>")]
    # without a CSRF token nothing is stored
    assert client.post("/netzwerk/vorschlaege/verwerfen", data={"pair": pair}).status_code == 400
    response = client.post("/netzwerk/vorschlaege/verwerfen", data={"pair": pair, "csrf_token": csrf_token(html)})
    assert response.status_code == 302
    html = client.get("/netzwerk/vorschlaege").get_data(as_text=True)
    assert pair not in re.findall(r'<li data-pair="([^"]+)">', html)
    assert seeded.read("insight/list_dismissed_introductions", user=next(
        row["uid"] for row in raw_rows(seeded, "MATCH (u:User {role: 'coordinator'}) RETURN u.uid AS uid"))) == [{"pair": pair}]


def test_the_analysis_is_cached_until_the_network_changes(app, seeded):
    insight = app.extensions["netzwerk.insight"]
    first = insight.analysis(FULL)
    assert first["fresh"] and first["data"] is not None
    marker = insight.marker()[0]
    assert insight.analysis(FULL)["computed_at"] == first["computed_at"]
    assert insight.marker()[0] == marker
    # a new acquaintance changes the marker, and the next answer is a new computation
    juki, angekommen = uid_of(seeded, JUKI), uid_of(seeded, ANGEKOMMEN)
    seeded.write("graph/merge_knows", links=[{"from": juki, "to": angekommen, "since": "2026", "context": "Test",
                                              "strength": 1}])
    assert insight.marker()[0] != marker
    again = insight.analysis(FULL)
    assert again["fresh"] and again["data"]["size"]["edges"] == first["data"]["size"]["edges"] + 1
    # a member's analysis has no KNOWS link: fewer links
    assert insight.analysis(PUBLIC)["data"]["size"]["edges"] < again["data"]["size"]["edges"]


def test_big_networks_are_analysed_in_the_background(app, seeded):
    insight = app.extensions["netzwerk.insight"]
    insight.sync_limit = 0  # every network counts as big
    first = insight.analysis(PUBLIC)
    assert first["data"] is None and first["job"] is not None
    wait_for_job(insight, PUBLIC)
    ready = insight.analysis(PUBLIC)
    assert ready["fresh"] and ready["data"] is not None and ready["job"] is None
    # after a change the last result is served at once, marked stale, while it is recomputed
    seeded.write("graph/merge_knows", links=[{"from": uid_of(seeded, JUKI), "to": uid_of(seeded, TEAM_EVING),
                                              "since": "2026", "context": "Test", "strength": 1}])
    dortmund = uid_of(seeded, "lokal willkommen Eving/Scharnhorst")
    seeded.write("graph/merge_cooperates_with", links=[{"from": dortmund, "to": uid_of(seeded, "Grundschule Lanstrop")}])
    stale = insight.analysis(PUBLIC)
    assert stale["data"] == ready["data"] and not stale["fresh"]
    wait_for_job(insight, PUBLIC)
    assert insight.analysis(PUBLIC)["fresh"]


def test_the_page_shows_progress_while_the_first_analysis_runs(app, client, auth, users, seeded):
    app.extensions["netzwerk.insight"].sync_limit = 0
    auth.login(users["member"])
    html = client.get("/netzwerk/analyse").get_data(as_text=True)
    assert "data-refresh-seconds" in html and "<progress" in html
    wait_for_job(app.extensions["netzwerk.insight"], PUBLIC)



def test_api_measures_paths_and_suggestions(client, tokens, seeded):
    keys = tokens
    juki, angekommen = uid_of(seeded, JUKI), uid_of(seeded, ANGEKOMMEN)
    dortmund = area_uid(seeded, "Dortmund")
    measures = client.get(f"/api/v1/network/measures?area={dortmund}", headers=bearer(keys["coordinator"])).get_json()
    assert measures["fresh"] and measures["measures"]["brokers"][0]["uid"] == uid_of(seeded, "lokal willkommen Eving/Scharnhorst")
    assert client.get("/api/v1/network/measures?area=nirgends", headers=bearer(keys["coordinator"])).status_code == 404
    coordinator = client.get(f"/api/v1/network/paths?from={juki}&to={angekommen}", headers=bearer(keys["coordinator"])).get_json()
    assert coordinator["knows_included"] and [s["name"] for s in coordinator["chains"][0]] == [JUKI, TEAM_EVING, ANGEKOMMEN]
    member = client.get(f"/api/v1/network/paths?from={juki}&to={angekommen}", headers=bearer(keys["member"])).get_json()
    assert not member["knows_included"] and member["chains"]
    assert all("KNOWS" not in step["link"] for chain in member["chains"] for step in chain)
    short = client.get(f"/api/v1/network/paths?from={juki}&to={angekommen}&max_steps=3", headers=bearer(keys["member"]))
    assert short.get_json()["chains"] == []
    assert client.get(f"/api/v1/network/paths?from={juki}&to=x", headers=bearer(keys["member"])).status_code == 404
    suggestions = client.get("/api/v1/network/suggestions", headers=bearer(keys["coordinator"])).get_json()
    assert "|".join(sorted((juki, angekommen))) in [s["pair"] for s in suggestions["suggestions"]]
    assert client.get("/api/v1/network/suggestions", headers=bearer(keys["member"])).status_code == 403
    document = client.get("/api/v1/openapi.json").get_json()
    assert {"/network/measures", "/network/paths", "/network/suggestions"} <= set(document["paths"])


def test_the_cli_job_computes_what_the_pages_serve(app, database, seeded, tmp_path):
    from click.testing import CliRunner

    from netzwerk.cli import main
    env = {**database.environment(seeded), "NETZWERK_DATA_DIR": str(tmp_path)}
    result = CliRunner().invoke(main, ["analyse"], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "ganzes Netzwerk [full]" in result.output and "ganzes Netzwerk [public]" in result.output
    insight = app.extensions["netzwerk.insight"]
    insight.sync_limit = 0  # would otherwise start a background job: the CLI's result is current
    answer = insight.analysis(FULL)
    assert answer["fresh"] and answer["job"] is None and answer["data"]["brokers"]


def test_dismissing_something_that_is_no_pair_of_people_is_refused(client, auth, users, seeded):
    auth.login(users["coordinator"])
    html = client.get("/netzwerk/vorschlaege").get_data(as_text=True)
    for pair in ("", "x|y", uid_of(seeded, JUKI) + "|" + uid_of(seeded, "JuKi-Treff Lanstrop")):
        response = client.post("/netzwerk/vorschlaege/verwerfen", data={"pair": pair, "csrf_token": csrf_token(html)})
        assert response.status_code == 400
