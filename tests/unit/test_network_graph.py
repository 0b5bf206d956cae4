"""The network view's shaping and pyvis rendering on small fixed graphs (no database)."""
import json

from flask import Flask, render_template_string

from netzwerk.network.graph import (Graph, ViewSpec, ego_uids, filtered_uids, link_types, shown_view,
                                    view_from_records)
from netzwerk.viz import build_view, short_label

URL = lambda type_, uid: f"/x/{uid}"  # noqa: E731


def node(uid, label="Actor", name=None, kind=None, fields=()):
    return {"uid": uid, "label": label, "name": name or uid, "kind": kind, "fields": list(fields)}


def link(source, target, type_):
    return {"source": source, "target": target, "type": type_}


def city():
    """A city with two Stadtbezirke and a Quartier; three actors, a person, an offer, a round table."""
    nodes = [node("city", "District", "Stadt", "city"), node("north", "District", "Nord", "Stadtbezirk"),
             node("south", "District", "Süd", "Stadtbezirk"), node("q", "District", "Quartier Q", "Quartier"),
             node("a1", kind="school", fields=["education"]), node("a2", kind="initiative", fields=["housing"]),
             node("a3", kind="school", fields=["housing"]), node("p1", "Person"), node("o1", "Offer", fields=["housing"]),
             node("rt", "RoundTable")]
    links = [link("north", "city", "PART_OF"), link("south", "city", "PART_OF"), link("q", "north", "PART_OF"),
             link("a1", "q", "ACTIVE_IN"), link("a2", "south", "ACTIVE_IN"), link("a3", "north", "ACTIVE_IN"),
             link("p1", "a1", "WORKS_AT"), link("a2", "o1", "OFFERS"), link("o1", "south", "IN"),
             link("a1", "rt", "MEMBER_OF"), link("a3", "rt", "MEMBER_OF"), link("a1", "a2", "COOPERATES_WITH")]
    return Graph.from_rows(nodes, links)


ALL = ("actors", "people", "offers", "districts", "round_tables")


def test_no_filter_shows_every_node_of_the_chosen_types():
    assert sorted(filtered_uids(city(), ViewSpec(types=("actors",)))) == ["a1", "a2", "a3"]


def test_a_district_filter_includes_its_parts_and_people_through_their_actors():
    graph = city()
    spec = ViewSpec(types=ALL, district="north")
    # a1 is active in the Quartier below Nord, a3 in Nord; p1 works at a1; the round table is
    # active nowhere (its own district counts, not its members')
    assert sorted(filtered_uids(graph, spec)) == ["a1", "a3", "north", "p1", "q"]
    assert sorted(filtered_uids(graph, ViewSpec(types=ALL, district="city"))) == sorted(set(graph.nodes) - {"rt"})


def test_kind_field_and_round_table_filters():
    graph = city()
    assert sorted(filtered_uids(graph, ViewSpec(types=("actors", "people"), actor_kind="school"))) == ["a1", "a3", "p1"]
    # the offer carries the field itself; the initiative and the second school do too
    assert sorted(filtered_uids(graph, ViewSpec(types=("actors", "offers"), field="housing"))) == ["a2", "a3", "o1"]
    assert sorted(filtered_uids(graph, ViewSpec(types=("actors", "round_tables"), round_table="rt"))) == ["a1", "a3", "rt"]
    assert filtered_uids(graph, ViewSpec(types=("actors",), actor_kind="school", field="nothing")) == []


def test_the_ego_view_by_depth_through_shown_types_only():
    graph = city()
    assert sorted(ego_uids(graph, "p1", 1, ALL)) == ["a1", "p1"]
    assert sorted(ego_uids(graph, "p1", 2, ALL)) == ["a1", "a2", "p1", "q", "rt"]
    assert sorted(ego_uids(graph, "p1", 3, ALL)) == ["a1", "a2", "a3", "north", "o1", "p1", "q", "rt", "south"]
    # without round tables the path p1-a1-rt-a3 is gone
    assert "a3" not in ego_uids(graph, "p1", 3, ("actors", "people"))
    assert ego_uids(graph, "missing", 2, ALL) == []


def test_knows_only_for_contacts_read():
    assert "KNOWS" in link_types(contacts=True)
    assert "KNOWS" not in link_types(contacts=False)
    assert "WORKS_AT" in link_types(contacts=False)


def test_measures_on_a_star_and_a_path():
    star = Graph.from_rows([node(u) for u in "chijk"], [link("c", leaf, "COOPERATES_WITH") for leaf in "hijk"])
    view = shown_view(star, ViewSpec(types=("actors",)), URL)
    assert {n["id"]: n["measure"] for n in view["nodes"]} == {"c": 4, "h": 1, "i": 1, "j": 1, "k": 1}
    path = Graph.from_rows([node(u) for u in "abc"], [link("a", "b", "COOPERATES_WITH"), link("b", "c", "COOPERATES_WITH")])
    between = {n["id"]: n["measure"] for n in shown_view(path, ViewSpec(types=("actors",), size="betweenness"), URL)["nodes"]}
    assert between == {"a": 0.0, "b": 1.0, "c": 0.0}


def test_two_cliques_are_two_communities_whatever_the_run():
    nodes = [node(u) for u in "abcdwxyz"]
    links = [link(s, t, "COOPERATES_WITH") for group in ("abcd", "wxyz") for i, s in enumerate(group) for t in group[i + 1:]]
    links.append(link("d", "w", "COOPERATES_WITH"))
    graph = Graph.from_rows(nodes, links)
    views = [shown_view(graph, ViewSpec(types=("actors",), colour="community"), URL) for _ in range(3)]
    groups = [{n["id"]: n["community"] for n in view["nodes"]} for view in views]
    assert groups[0] == groups[1] == groups[2]
    assert len({groups[0][u] for u in "abcd"}) == 1 and groups[0]["a"] != groups[0]["z"]
    assert views[0]["communities"] == [4, 4]


def test_above_the_limit_the_view_is_grouped_by_district_below_the_filter():
    graph = city()
    view = shown_view(graph, ViewSpec(types=ALL), URL, max_nodes=3)
    assert view["aggregated"]["by"] == "districts" and view["total"] == 10
    # the round table is in no district: its own group, without a drill-down
    assert [(g["uid"], g["count"], bool(g["drill"])) for g in view["aggregated"]["groups"]] == [
        ("city", 9, True), ("", 1, False)]
    inside = shown_view(graph, ViewSpec(types=ALL, district="city"), URL, max_nodes=3)
    counts = {g["name"]: g["count"] for g in inside["aggregated"]["groups"]}
    # Nord: itself, Q, a1, a3, p1 (through a1); Süd: itself, a2, o1; the city itself
    assert counts == {"Nord": 5, "Süd": 3, "Stadt": 1}
    assert any(e["source"] != e["target"] for e in inside["edges"])
    top = shown_view(graph, ViewSpec(types=ALL, aggregate="top"), URL, max_nodes=3, top_nodes=2)
    assert top["aggregated"]["by"] == "top" and len(top["nodes"]) == 2


def test_pyvis_output_is_plain_data_and_escaped_by_tojson():
    evil = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"]
    rows = [node(f"e{i}", name=name, kind="initiative") for i, name in enumerate(evil)]
    data = view_from_records(rows, [link("e0", "e1", "COOPERATES_WITH")], ViewSpec(types=("actors",)))
    assert [n["title"].split("\n")[0] for n in data["nodes"]] == evil
    assert data["nodes"][0]["label"] == evil[0][:31] or data["nodes"][0]["label"] == short_label(evil[0])
    assert data["edges"] == [{"arrows": {"to": {"enabled": False}}, "title": "kooperiert mit",
                              "from": "e0", "to": "e1"}]
    app = Flask(__name__)
    with app.app_context():
        html = render_template_string('<script type="application/json">{{ data | tojson }}</script>', data=data)
    block = html[len('<script type="application/json">'):-len("</script>")]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block) == data


def test_build_view_drops_edges_to_unknown_nodes_and_cuts_long_labels():
    data = build_view([{"id": "a", "type": "actors", "name": "x" * 50, "title": "t", "url": "/a", "value": 1}],
                      [{"source": "a", "target": "b", "title": "t"}])
    assert data["edges"] == [] and len(data["nodes"][0]["label"]) == 32 and data["nodes"][0]["label"].endswith("…")
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
