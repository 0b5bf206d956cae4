"""Network analysis: pure functions from graph records (plain lists of nodes and edges) to answers.

No Flask, no store: callers pass records and get plain, JSON-ready data back. networkx holds the
graph and answers the light questions; the heavy measures (betweenness, articulation points) run
in python-igraph's C core beside it, which gives networkx's numbers many times faster (the tests
compare both on fixed graphs; bench/insight_bench.py measures both side by side).

Records:
    nodes: [{"uid", "label" ("Actor" | "Person" | "RoundTable"), "name", "districts": [uid, ...]}]
    edges: [{"a": uid, "b": uid, "type": "KNOWS" | "WORKS_AT" | "COOPERATES_WITH" | ...}]
Edges are undirected here: who knows whom is mutual, and so is reachability.
"""
from .graph import build_graph
from .measures import (analyse, articulation_points, betweenness, brokers, communities,
                       community_of, district_bridges, islands, networkx_betweenness)
from .paths import common_contacts, introduction_paths, suggested_introductions, within_two_steps

__all__ = ["build_graph", "analyse", "articulation_points", "betweenness", "brokers", "communities",
           "community_of", "district_bridges", "islands", "networkx_betweenness", "common_contacts",
           "introduction_paths", "suggested_introductions", "within_two_steps"]
