"""/netzwerk on the demo data: the whole network, filters, ego views, role rules, aggregation,
exports and escaping, on both engines."""
import csv
import html as html_lib
import io
import json
import re

import networkx as nx

from netzwerk.register.model import KINDS

from .test_api import tokens  # noqa: F401  (the fixture)

EVIL = ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>")


def data_of(page):
    """The vis-network data block of a page, parsed as the browser does."""
    match = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S)
    assert match, "page has no network data block"
    return json.loads(match.group(1))


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def uid_of(store, name, label="Actor"):
    rows = store.read("network/list_network_nodes", labels=[label])
    return next(row["uid"] for row in rows if row["name"] == name)


def names(data):
    """The full names (the canvas label is cut after 32 characters; the tooltip's first line is not)."""
    return {node["title"].split("\n")[0] for node in data["nodes"]}


def titles(data):
    return [node["title"] for node in data["nodes"]]


def test_the_whole_network_for_a_coordinator(client, auth, users, seeded):
    auth.login(users["coordinator"])
    start = get(client, "/")
    assert '<a href="/netzwerk">Netzwerk</a>' in start
    page = get(client, "/netzwerk")
    data = data_of(page)
    assert "Projekt Ankommen e.V." in names(data)
    ankommen = next(n for n in data["nodes"] if n["label"] == "Projekt Ankommen e.V.")
    assert ankommen["url"] == f"/akteure/{uid_of(seeded, 'Projekt Ankommen e.V.')}"
    assert ankommen["title"].startswith("Projekt Ankommen e.V.\nAkteur · ")
    assert "Stadtteil: " in ankommen["title"] and "<" not in ankommen["title"]
    # degree sizes, physics settles then stops (network.js), our own script and vis-network
    assert all("value" in node for node in data["nodes"])
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    assert '/static/vendor/vis-network.min.js' in page and '/static/network.js' in page
    assert "<script>" not in page and "bootstrap" not in page.lower()
    # a coordinator sees who knows whom
    knows = [edge for edge in data["edges"] if edge["title"] == "kennt"]
    assert knows
    # districts are off by default; people are shown
    types = {node["shape"] for node in data["nodes"]}
    assert "diamond" not in types and "triangle" in types


def test_a_member_never_sees_knows_or_contact_data(client, auth, users, seeded):
    auth.login(users["member"])
    for url in ("/netzwerk", "/netzwerk?types=people", "/netzwerk/personen/" + uid_of(
            seeded, "Team lokal willkommen Eving/Scharnhorst", "Person") + "?depth=3"):
        page = get(client, url)
        data = data_of(page)
        assert all(edge["title"] != "kennt" for edge in data["edges"]), url
        assert "@" not in json.dumps(data), url  # no e-mail address of anyone
        assert "Wer wen kennt, sehen nur Koordination und Administration." in page
    for fmt in ("csv", "graphml", "gexf"):
        body = client.get(f"/netzwerk/export.{fmt}?types=people&types=actors").get_data(as_text=True)
        assert "KNOWS" not in body and "kennt" not in body, fmt
    # the organiser has no contacts.read either; the coordinator gets KNOWS in the export
    auth.logout()
    auth.login(users["coordinator"])
    body = client.get("/netzwerk/export.csv?types=people&types=actors").get_data(as_text=True)
    assert "KNOWS" in body


def test_filters_district_with_its_parts_kind_field_and_round_table(client, auth, users, seeded):
    auth.login(users["member"])
    dortmund = uid_of(seeded, "Dortmund", "District")
    data = data_of(get(client, f"/netzwerk?district={dortmund}&types=actors"))
    shown = names(data)
    # active in a Stadtbezirk or Quartier of Dortmund counts (sub-districts included)
    assert "lokal willkommen Brackel/Aplerbeck" in shown and "Projekt Ankommen e.V." in shown
    assert not any("Delmenhorst" in name or "Horizont" in name for name in shown)
    everything = names(data_of(get(client, "/netzwerk?types=actors")))
    assert shown < everything
    # people come through the actors they work at
    with_people = data_of(get(client, f"/netzwerk?district={dortmund}&types=actors&types=people"))
    assert "Team lokal willkommen Eving/Scharnhorst" in names(with_people)
    schools = names(data_of(get(client, "/netzwerk?types=actors&actor_kind=school")))
    assert schools and schools < everything
    rows = seeded.read("network/list_network_nodes", labels=["Actor"])
    assert schools == {row["name"] for row in rows if row["kind"] == "school"}
    housing = names(data_of(get(client, "/netzwerk?types=actors&field=housing")))
    assert housing == {row["name"] for row in rows if "housing" in row["fields"]}
    tables = seeded.read("network/list_network_nodes", labels=["RoundTable"])
    table = tables[0]
    members = names(data_of(get(client, f"/netzwerk?types=actors&types=round_tables&round_table={table['uid']}")))
    assert table["name"] in members and len(members) > 1
    # a filter nothing fits: a clear sentence, no canvas
    page = get(client, f"/netzwerk?types=needs&actor_kind=school&field=housing&district={dortmund}")
    assert "Keine Knoten passen zu dieser Auswahl." in page and 'id="network"' not in page


def test_the_ego_view_of_projekt_ankommen_and_the_links_to_it(client, auth, users, seeded):
    auth.login(users["member"])
    ankommen = uid_of(seeded, "Projekt Ankommen e.V.")
    detail = get(client, f"/akteure/{ankommen}")
    assert f'href="/netzwerk/akteure/{ankommen}"' in detail
    page = get(client, f"/netzwerk/akteure/{ankommen}")
    assert "Netzwerk um Projekt Ankommen e.V." in page
    one = names(data_of(page))
    two = names(data_of(get(client, f"/netzwerk/akteure/{ankommen}?depth=2")))
    three = names(data_of(get(client, f"/netzwerk/akteure/{ankommen}?depth=3")))
    assert "Projekt Ankommen e.V." in one and len(one) > 1 and one < two <= three
    assert "Innenstadt-West" in one  # ego views show every type by default, districts too
    actors_only = names(data_of(get(client, f"/netzwerk/akteure/{ankommen}?depth=2&types=actors")))
    assert "Innenstadt-West" not in actors_only and "Projekt Ankommen e.V." in actors_only
    offer = seeded.read("network/list_network_nodes", labels=["Offer"])[0]
    # the centre is shown even when its own type is not among the chosen ones
    assert offer["name"] in names(data_of(get(client, f"/netzwerk/angebote/{offer['uid']}?types=actors")))
    assert re.search(r'<input checked[^>]* value="districts"', get(client, f"/netzwerk/akteure/{ankommen}?depth=2"))
    # an event's page links to its ego view too; a wrong kind or uid is a 404
    event = seeded.read("network/list_network_nodes", labels=["Event"])[0]
    assert f'href="/netzwerk/veranstaltungen/{event["uid"]}"' in get(client, f"/veranstaltungen/{event['uid']}")
    assert event["name"] in names(data_of(get(client, f"/netzwerk/veranstaltungen/{event['uid']}")))
    assert client.get(f"/netzwerk/personen/{ankommen}").status_code == 404
    assert client.get("/netzwerk/akteure/no-such-uid").status_code == 404
    assert client.get("/netzwerk").status_code == 200
    auth.logout()
    assert client.get("/netzwerk").status_code in (302, 401)


def test_colour_by_community_and_size_by_betweenness(client, auth, users, seeded):
    auth.login(users["coordinator"])
    url = "/netzwerk?types=actors&types=people&types=round_tables&colour=community&size=betweenness"
    first, again = data_of(get(client, url)), data_of(get(client, url))
    assert [n["color"] for n in first["nodes"]] == [n["color"] for n in again["nodes"]]  # seeded Louvain
    assert len({n["color"] for n in first["nodes"]}) > 1
    assert all("Vermittlung: " in n["title"] for n in first["nodes"])
    page = get(client, url)
    assert "Gemeinschaft 1" in page and "swatch-community-0" in page


def test_names_are_text_in_the_json_and_on_the_page(client, auth, users, seeded, app):
    register = app.extensions["netzwerk.register"]
    for name in EVIL:
        register.create(KINDS["actors"], {"name": name, "kind": "initiative"}, by="test")
    auth.login(users["coordinator"])
    page = get(client, "/netzwerk?types=actors")
    block = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block  # tojson: \u003c, \u003e
    data = json.loads(block)
    assert set(EVIL) <= {node["title"].split("\n")[0] for node in data["nodes"]}
    assert "<img src=x" not in page and "</script><script>alert" not in page
    assert html_lib.escape(EVIL[0]) in page  # the node list shows the name as text


def test_a_big_network_is_aggregated_with_drill_down(client, auth, users, seeded, app):
    auth.login(users["member"])
    app.config["NETWORK_MAX_NODES"] = 10
    page = get(client, "/netzwerk?types=actors&types=offers")
    assert 'id="network-notice"' in page and "nach Stadtteilen zusammengefasst" in page
    data = data_of(page)
    assert len(data["nodes"]) <= 12 and all(n["id"].startswith("group:") for n in data["nodes"])
    dortmund = uid_of(seeded, "Dortmund", "District")
    group = next(n for n in data["nodes"] if n["id"] == f"group:{dortmund}")
    assert group["url"].startswith(f"/netzwerk?") and f"district={dortmund}" in group["url"]
    assert html_lib.escape(group["url"]) in page  # the drill-down links are on the page too
    drilled = data_of(get(client, group["url"]))
    assert all(n["id"].startswith("group:") for n in drilled["nodes"])  # still over 10: Stadtbezirke
    assert any(name.startswith("Brackel") for name in names(drilled))
    top = get(client, "/netzwerk?types=actors&types=offers&aggregate=top")
    assert "am besten vernetzten" in top
    app.config["NETWORK_TOP_NODES"] = 10
    assert len(data_of(get(client, "/netzwerk?types=actors&types=offers&aggregate=top"))["nodes"]) == 10


def test_exports_read_back_with_networkx(client, auth, users, seeded):
    auth.login(users["coordinator"])
    ankommen = uid_of(seeded, "Projekt Ankommen e.V.")
    page = data_of(get(client, f"/netzwerk/akteure/{ankommen}?depth=2"))
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        response = client.get(f"/netzwerk/akteure/{ankommen}/export.{fmt}?depth=2")
        assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
        graph = read(io.BytesIO(response.data))
        assert graph.number_of_nodes() == len(page["nodes"]) and graph.number_of_edges() == len(page["edges"])
        labels = {data["label"] for _, data in graph.nodes(data=True)}
        assert "Projekt Ankommen e.V." in labels
    rows = list(csv.reader(io.StringIO(client.get(
        f"/netzwerk/akteure/{ankommen}/export.csv?depth=2").get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:2] == ["Von (uid)", "Von"] and len(rows) - 1 == len(page["edges"])
    assert client.get("/netzwerk/export.pdf").status_code == 404


def test_no_page_of_the_network_names_another_host(client, auth, users, seeded):
    auth.login(users["coordinator"])
    ankommen = uid_of(seeded, "Projekt Ankommen e.V.")
    for url in ("/netzwerk", f"/netzwerk/akteure/{ankommen}?depth=3", "/netzwerk?colour=community&size=betweenness",
                f"/akteure/{ankommen}"):
        page = get(client, url)
        assert not re.findall(r"https?://(?!localhost[:/])[^\s\"'<]+", page), url


def test_english(client, auth, users, seeded):
    auth.login(users["member"])
    with client.session_transaction() as session:
        session["lang"] = "en"
    page = get(client, "/netzwerk")
    assert ">Network</a>" in page and "Show" in page
    assert "\nActor · " in "".join(titles(data_of(page)))


def test_the_api_gives_the_views_nodes_and_edges_with_the_same_rules(client, tokens, seeded):  # noqa: F811
    from .test_api import bearer
    ankommen = uid_of(seeded, "Projekt Ankommen e.V.")
    member = client.get("/api/v1/network/view", query_string={"types": ["people", "actors"]},
                        headers=bearer(tokens["member"]))
    assert member.status_code == 200, member.get_data(as_text=True)
    view = member.get_json()
    assert {"Projekt Ankommen e.V."} <= {node["name"] for node in view["nodes"]}
    assert view["settings"]["types"] == ["people", "actors"] and view["aggregated"] is None
    assert not [edge for edge in view["edges"] if edge["type"] == "KNOWS"], "members see no KNOWS"
    ids = {node["id"] for node in view["nodes"]}
    assert all(edge["source"] in ids and edge["target"] in ids for edge in view["edges"])
    coordinator = client.get("/api/v1/network/view", query_string={"types": ["people", "actors"]},
                             headers=bearer(tokens["coordinator"])).get_json()
    assert [edge for edge in coordinator["edges"] if edge["type"] == "KNOWS"]

    ego = client.get(f"/api/v1/network/view/actors/{ankommen}", query_string={"depth": 2},
                     headers=bearer(tokens["member"])).get_json()
    assert ego["settings"]["depth"] == 2 and "Innenstadt-West" in {node["name"] for node in ego["nodes"]}
    assert client.get("/api/v1/network/view/actors/nobody", headers=bearer(tokens["member"])).status_code == 404
    assert client.get(f"/api/v1/network/view/users/{ankommen}", headers=bearer(tokens["member"])).status_code == 404
    assert client.get("/api/v1/network/view").status_code == 401
    assert "/network/view/{kind}/{uid}" in client.get("/api/v1/openapi.json").get_json()["paths"]
