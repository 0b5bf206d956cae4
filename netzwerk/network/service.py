"""Network views as plain data: two reads (nodes, links), shaped in netzwerk/network/graph.py.

Role rules live here and in the queries' parameters: a viewer without contacts.read (members,
organisers) never receives a KNOWS link, and no query here reads contact data at all.
"""
import io

import networkx as nx

from ..register.exports import csv_bytes
from .graph import Graph, link_types


def load_graph(store, spec, contacts):
    """The readable graph for a view: the nodes of the labels the spec needs, the links of the
    types the viewer may see."""
    nodes = store.read("network/list_network_nodes", labels=spec.labels())
    links = store.read("network/list_network_links", types=link_types(contacts))
    return Graph.from_rows(nodes, links)


def choices(graph):
    """The districts and round tables the filters offer, from the graph already read."""
    def of(type_):
        return sorted(({"uid": uid, "name": node["name"] or "", "kind": node.get("kind")}
                       for uid, node in graph.nodes.items() if node["type"] == type_),
                      key=lambda row: (row["name"].casefold(), row["uid"]))
    return {"districts": of("districts"), "round_tables": of("round_tables")}


def export_graph(view):
    """networkx Graph of a shown view, with plain string/number attributes (GraphML, GEXF)."""
    g = nx.Graph()
    for node in view["nodes"]:
        g.add_node(node["id"], label=node["name"], type=node["type"], kind=node["kind"] or "",
                   districts=", ".join(node["districts"]),
                   **({"measure": float(node["measure"])} if node.get("measure") is not None else {}),
                   **({"community": int(node["community"])} if node.get("community") is not None else {}))
    for edge in view["edges"]:
        g.add_edge(edge["source"], edge["target"], type=edge["type"], label=edge["title"],
                   **({"weight": int(edge["value"])} if edge.get("value") is not None else {}))
    return g


def graphml_bytes(view):
    out = io.BytesIO()
    nx.write_graphml(export_graph(view), out, encoding="utf-8")
    return out.getvalue()


def gexf_bytes(view):
    out = io.BytesIO()
    nx.write_gexf(export_graph(view), out, encoding="utf-8")
    return out.getvalue()


def edge_list_csv(view, headings):
    names = {node["id"]: node["name"] for node in view["nodes"]}
    body = [[edge["source"], names.get(edge["source"], ""), edge["target"], names.get(edge["target"], ""),
             edge["type"], edge["title"]] for edge in view["edges"]]
    return csv_bytes(headings, body)

