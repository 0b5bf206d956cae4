"""The measures of netzwerk.analysis against answers computed by hand on small fixed graphs, and
the fast path (igraph) against networkx itself."""
import networkx as nx
import pytest

from netzwerk.analysis import (analyse, articulation_points, betweenness, build_graph, common_contacts,
                               communities, community_of, district_bridges, introduction_paths, islands,
                               networkx_betweenness, suggested_introductions, within_two_steps)
from netzwerk.analysis import synthetic
from netzwerk.analysis.measures import betweenness_error_bound


def person(uid, districts=()):
    return {"uid": uid, "label": "Person", "name": uid.upper(), "districts": list(districts)}


def actor(uid, districts=(), fields=()):
    return {"uid": uid, "label": "Actor", "name": uid.upper(), "districts": list(districts), "fields": list(fields)}


def knows(*pairs):
    return [{"a": a, "b": b, "type": "KNOWS"} for a, b in pairs]


def graph_of(uids, pairs):
    return build_graph([person(u) for u in uids], knows(*pairs))


PATH = graph_of("abcde", ["ab", "bc", "cd", "de"])
STAR = graph_of("sabcd", ["sa", "sb", "sc", "sd"])
CLIQUES = graph_of(["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"],
                   [(f"a{i}", f"a{j}") for i in range(1, 5) for j in range(i + 1, 5)]
                   + [(f"b{i}", f"b{j}") for i in range(1, 5) for j in range(i + 1, 5)] + [("a1", "b1")])
PAIRS = graph_of("xyzwv", ["xy", "zw"])


def test_betweenness_by_hand():
    # normalised: the share of the other pairs' shortest paths through a node
    scores, info = betweenness(PATH)
    assert info["method"] == "exact"
    assert scores == pytest.approx({"a": 0, "b": 3 / 6, "c": 4 / 6, "d": 3 / 6, "e": 0})
    assert betweenness(STAR)[0]["s"] == pytest.approx(1.0)
    cliques = betweenness(CLIQUES)[0]
    assert cliques["a1"] == pytest.approx(12 / 21) and cliques["b1"] == pytest.approx(12 / 21)
    assert cliques["a2"] == pytest.approx(0)
    assert set(betweenness(PAIRS)[0].values()) == {0}


@pytest.mark.parametrize("graph", [PATH, STAR, CLIQUES, PAIRS], ids=["path", "star", "cliques", "pairs"])
def test_fast_betweenness_agrees_with_networkx(graph):
    assert betweenness(graph)[0] == pytest.approx(networkx_betweenness(graph), abs=1e-12)


def test_fast_betweenness_agrees_with_networkx_on_a_realistic_graph():
    graph = build_graph(*synthetic.network(400))
    assert betweenness(graph)[0] == pytest.approx(networkx_betweenness(graph), abs=1e-12)


def test_sampled_betweenness_stays_within_its_bound():
    graph = build_graph(*synthetic.network(400))
    reference = networkx_betweenness(graph)
    scores, info = betweenness(graph, exact_limit=10, samples=200)
    assert info["method"] == "sampled" and info["samples"] == 200
    assert info["error_bound"] == pytest.approx(betweenness_error_bound(graph.number_of_nodes(), 200))
    assert max(abs(scores[u] - reference[u]) for u in graph) <= info["error_bound"]
    # all sources sampled is the exact answer
    every, _ = betweenness(graph, exact_limit=10, samples=graph.number_of_nodes())
    assert every == pytest.approx(reference, abs=1e-12)


def test_articulation_points_by_hand():
    path = articulation_points(PATH)
    assert path["count"] == 3
    first = path["points"][0]
    assert first["uid"] == "c" and first["cut_off"] == 2
    assert first["groups"][0]["size"] == 2 and first["groups"][0]["members"] in (["a", "b"], ["d", "e"])
    assert {p["uid"]: p["cut_off"] for p in path["points"]} == {"b": 1, "c": 2, "d": 1}
    star = articulation_points(STAR)["points"]
    assert [(p["uid"], p["cut_off"]) for p in star] == [("s", 3)]
    assert sorted(m for g in star[0]["groups"] for m in g["members"]) and len(star[0]["groups"]) == 3
    cliques = articulation_points(CLIQUES)["points"]
    assert [(p["uid"], p["cut_off"]) for p in cliques] == [("a1", 3), ("b1", 3)]
    assert cliques[0]["groups"] == [{"size": 3, "members": ["a2", "a3", "a4"]}]
    assert articulation_points(PAIRS) == {"count": 0, "points": []}
    assert set(articulation_points(PATH)["points"][i]["uid"] for i in range(3)) == set(nx.articulation_points(PATH))


def test_islands_by_hand():
    answer = islands(PAIRS)
    assert answer["components"] == 3 and answer["main_size"] == 2
    assert answer["islands"] == [{"size": 2, "members": ["z", "w"]}] or answer["islands"] == [{"size": 2, "members": ["x", "y"]}]
    assert answer["isolated"] == ["v"]
    assert islands(CLIQUES)["components"] == 1 and islands(CLIQUES)["islands"] == []


def test_closed_actors_keep_to_themselves():
    nodes = [actor("k"), actor("l"), actor("m"), person("p1"), person("p2"), person("q1"), person("r1")]
    edges = [{"a": "p1", "b": "k", "type": "WORKS_AT"}, {"a": "p2", "b": "k", "type": "WORKS_AT"},
             {"a": "q1", "b": "l", "type": "WORKS_AT"}, {"a": "r1", "b": "m", "type": "WORKS_AT"},
             {"a": "l", "b": "m", "type": "COOPERATES_WITH"}] + knows(("p1", "p2"))
    assert islands(build_graph(nodes, edges))["closed_actors"] == ["k"]
    # a staff member who knows someone elsewhere opens the organisation
    edges += knows(("p2", "q1"))
    assert islands(build_graph(nodes, edges))["closed_actors"] == []


def test_communities_find_the_two_cliques_and_are_stable():
    found = communities(CLIQUES)
    assert sorted(sorted(c["members"]) for c in found) == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]
    graph = build_graph(*synthetic.network(600))
    assert community_of(graph) == community_of(build_graph(*synthetic.network(600)))
    assert communities(graph) == communities(graph)


def test_district_bridges():
    nodes = [actor("a", ["d1", "d2"]), actor("b", ["d3"]), actor("c", ["d4"]), actor("e", ["d3"]),
             actor("f", ["d5"]), actor("g", ["d5"]), actor("h", ["d6"]), actor("k", ["d7"]), actor("l", ["d7"])]
    edges = [{"a": "b", "b": "c", "type": "COOPERATES_WITH"},
             # d5 and d6 are linked twice (f and g each with h): only h is needed for both
             {"a": "f", "b": "h", "type": "COOPERATES_WITH"}, {"a": "g", "b": "h", "type": "COOPERATES_WITH"},
             # k and l share a district: no district depends on either
             {"a": "k", "b": "l", "type": "COOPERATES_WITH"}]
    bridges = {b["uid"]: [g["members"] for g in b["groups"]] for b in district_bridges(build_graph(nodes, edges))}
    assert bridges == {"a": [["d1"], ["d2"]], "b": [["d3"], ["d4"]], "c": [["d3"], ["d4"]], "h": [["d5"], ["d6"]]}
    # a chain of districts d1 - x - d2 - y - d3, and z linked to y only through a round table
    nodes = [actor("x", ["d1", "d2"]), actor("y", ["d2", "d3"]), actor("z", ["d4"]), {"uid": "r", "label": "RoundTable",
             "name": "R", "districts": []}]
    edges = [{"a": "y", "b": "r", "type": "MEMBER_OF"}, {"a": "z", "b": "r", "type": "MEMBER_OF"}]
    found = district_bridges(build_graph(nodes, edges))
    assert [(b["uid"], b["cut_off"]) for b in found] == [("y", 2), ("x", 1), ("z", 1)]
    assert [g["members"] for g in found[0]["groups"]] == [["d1", "d2"], ["d3"], ["d4"]]


def test_introduction_paths_and_contacts():
    assert introduction_paths(PATH, "a", "e") == [{"nodes": list("abcde"), "links": [["KNOWS"]] * 4}]
    assert introduction_paths(PATH, "a", "e", max_steps=3) == []
    assert introduction_paths(PAIRS, "x", "z") == []
    assert [p["nodes"] for p in introduction_paths(CLIQUES, "a2", "b2")] == [["a2", "a1", "b1", "b2"]]
    diamond = graph_of("stxyz", ["sx", "xt", "sy", "yt", "sz", "zt", "st"])
    assert introduction_paths(diamond, "s", "t") == [{"nodes": ["s", "t"], "links": [["KNOWS"]]}]
    diamond = graph_of("stxyzu", ["sx", "xt", "sy", "yt", "sz", "zt", "su", "ut"])
    assert [p["nodes"] for p in introduction_paths(diamond, "s", "t")] == [["s", "u", "t"], ["s", "x", "t"], ["s", "y", "t"]]
    assert common_contacts(diamond, "s", "t") == ["u", "x", "y", "z"]
    assert within_two_steps(PATH, "a") == {"one": ["b"], "two": ["c"]}


def test_suggested_introductions_close_triangles_and_respect_dismissals():
    graph = graph_of("stxyq", ["sx", "sy", "tx", "ty", "sq"])
    found = suggested_introductions(graph)
    pairs = [(s["a"], s["b"]) for s in found]
    assert ("s", "t") in pairs and ("x", "y") in pairs
    st = found[pairs.index(("s", "t"))]
    assert st["common"] == ["x", "y"]
    assert ("q", "x") in pairs and found[pairs.index(("q", "x"))]["common"] == ["s"]  # one in common: later
    assert pairs.index(("q", "x")) > pairs.index(("s", "t"))
    assert ("q", "x") not in [(s["a"], s["b"]) for s in suggested_introductions(graph, min_common=2)]
    assert ("s", "t") not in [(s["a"], s["b"]) for s in suggested_introductions(graph, dismissed={("s", "t")})]
    nodes = [actor("k", ["d1"], ["youth"]), actor("l", ["d1"], ["youth"]), person("p"), person("q")]
    edges = [{"a": "p", "b": "k", "type": "WORKS_AT"}, {"a": "q", "b": "l", "type": "WORKS_AT"}]
    assert suggested_introductions(build_graph(nodes, edges)) == [
        {"a": "p", "b": "q", "common": [], "shared": [["d1", "youth"]]}]


def test_analyse_names_everything_it_mentions():
    result = analyse(*synthetic.network(300))
    assert result["size"]["nodes"] == 300
    mentioned = {b["uid"] for b in result["brokers"]}
    assert mentioned and mentioned <= set(result["names"])
    steps = []
    analyse(*synthetic.network(100), progress=lambda done, total: steps.append((done, total)))
    assert steps[-1] == (6, 6)


def test_an_empty_network_has_empty_answers():
    result = analyse([], [])
    assert result["size"] == {"nodes": 0, "edges": 0} and result["brokers"] == [] and result["communities"] == []
    assert result["islands"]["components"] == 0 and result["district_bridges"] == []
    alone = analyse([actor("a", ["d1"])], [])
    assert alone["islands"]["isolated"] == ["a"] and alone["articulation_points"]["count"] == 0
