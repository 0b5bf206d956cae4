"""pyvis rendering: a shown graph (plain records) to vis-network's nodes, edges and options.

pyvis builds the graph (`pyvis.network.Network`, its nodes, edges and options); its HTML is not
used: it loads Bootstrap from a CDN, writes inline scripts (our CSP has no 'unsafe-inline'),
turns every tooltip into raw HTML once any title contains "href", and does not escape its
heading. The page embeds `build_view(...)` as JSON (Jinja's `tojson`, which escapes <, >, & and
') and `static/network.js` starts the vis-network 9.1.2 that pyvis ships (static/vendor/).

Everything here is text for a canvas or a plain-text tooltip: no value is ever read as HTML.
"""
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

# Okabe-Ito colours (told apart with colour blindness too) and a shape per node type, so the
# type never rests on colour alone; the legend's swatches use the same colours (netzwerk.css)
TYPE_STYLES = {
    "actors": ("#0072B2", "dot"),
    "people": ("#E69F00", "triangle"),
    "offers": ("#009E73", "square"),
    "districts": ("#8C8C8C", "diamond"),
    "round_tables": ("#CC79A7", "star"),
    "events": ("#D55E00", "triangleDown"),
    "needs": ("#B8A500", "hexagon"),
    "group": ("#56B4E9", "dot"),
}
COMMUNITY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
                     "#B8A500", "#000000", "#8C8C8C", "#882255")
OTHER_COMMUNITY = "#DDDDDD"  # communities past the palette: one neutral colour
LABEL_LENGTH = 32  # longer names are cut on the canvas; the tooltip has them in full

OPTIONS = {
    "autoResize": True,
    "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3,
                       "strokeColor": "#ffffff"},
              "scaling": {"min": 8, "max": 40, "label": {"enabled": False}},
              "borderWidth": 1},
    "edges": {"color": {"color": "#9aa5b1", "highlight": "#1f2933", "hover": "#1f2933"},
              "smooth": False, "width": 1, "selectionWidth": 2},
    # physics until stable, then network.js turns it off (stabilizationIterationsDone)
    "physics": {"solver": "barnesHut", "stabilization": {"enabled": True, "iterations": 300,
                                                           "updateInterval": 50},
                "barnesHut": {"gravitationalConstant": -6000, "springLength": 110,
                              "avoidOverlap": 0.1}},
    "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": True},
                    "navigationButtons": False, "multiselect": False},
    "layout": {"improvedLayout": False, "randomSeed": 7},
}


def short_label(name):
    name = " ".join(str(name or "").split())
    return name if len(name) <= LABEL_LENGTH else name[:LABEL_LENGTH - 1].rstrip() + "…"


def community_colour(index):
    return COMMUNITY_COLOURS[index] if index is not None and index < len(COMMUNITY_COLOURS) else OTHER_COMMUNITY


def _add_node(net, n_id, shape, label, **options):
    """Network.add_node without its linear search of the node list (O(n^2) for a view): the
    ids are unique uids already. Same Node, same three places it is kept."""
    if n_id in net.node_map:
        return
    node = Node(n_id, shape, label=label, font_color=net.font_color, **options)
    net.nodes.append(node.options)
    net.node_ids.append(n_id)
    net.node_map[n_id] = node.options


def build_view(nodes, edges, colour="type", options=None):
    """{"nodes", "edges", "options"} for vis-network, built with pyvis.

    nodes: [{id, type, name, title (plain text), url, value (the size measure, or None),
    community (an index, or None)}]; edges: [{source, target, title, value (optional)}].
    Edges whose ends are not among the nodes are left out.
    """
    # directed: pyvis scans every edge before adding one to an undirected network (O(E^2));
    # the arrows are switched off per edge below
    net = Network(directed=True, cdn_resources="remote", height="100%", width="100%")
    for node in nodes:
        type_colour, shape = TYPE_STYLES.get(node["type"], TYPE_STYLES["group"])
        fill = community_colour(node.get("community")) if colour == "community" else type_colour
        extra = {"value": node["value"]} if node.get("value") is not None else {"size": 16}
        _add_node(net, node["id"], label=short_label(node["name"]) or " ", shape=shape, color=fill,
                  title=node["title"], url=node["url"], **extra)
    known = set(net.node_ids)
    for edge in edges:
        if edge["source"] not in known or edge["target"] not in known:
            continue
        extra = {"value": edge["value"]} if edge.get("value") is not None else {}
        # pyvis's Edge, without Network.add_edge's linear search of the node list per edge
        net.edges.append(Edge(edge["source"], edge["target"], True, arrows={"to": {"enabled": False}},
                              title=edge["title"], **extra).options)
    net.options = {**OPTIONS, **(options or {})}
    data_nodes, data_edges, _heading, _height, _width, _options = net.get_network_data()
    return {"nodes": data_nodes, "edges": data_edges, "options": net.options}
