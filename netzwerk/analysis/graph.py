"""Graph records to a networkx graph, and that graph to igraph for the heavy measures."""
import networkx as nx


def build_graph(nodes, edges):
    """An undirected nx.Graph: node attributes label, name, districts; edge attribute types (a
    set: two nodes may be linked by several kinds of link). Edges to unknown uids and loops are
    dropped: a filtered scope may name links that leave it."""
    graph = nx.Graph()
    for node in nodes:
        graph.add_node(node["uid"], label=node.get("label", ""), name=node.get("name") or "",
                       districts=tuple(node.get("districts") or ()),
                       fields=tuple(node.get("fields") or ()))
    for edge in edges:
        a, b = edge["a"], edge["b"]
        if a == b or a not in graph or b not in graph:
            continue
        if graph.has_edge(a, b):
            graph[a][b]["types"].add(edge["type"])
        else:
            graph.add_edge(a, b, types={edge["type"]})
    return graph


def to_igraph(graph):
    """(igraph.Graph, uids): vertex i is uids[i], in the networkx graph's node order."""
    import igraph

    uids = list(graph.nodes)
    index = {uid: i for i, uid in enumerate(uids)}
    ig = igraph.Graph(n=len(uids), edges=[(index[a], index[b]) for a, b in graph.edges], directed=False)
    return ig, uids


def within_area(nodes, edges, districts):
    """The records of an area's network: actors active in one of `districts`; round tables
    active there or with such an actor as member; people working at those actors or contact
    people of those round tables; the links among them."""
    districts = set(districts)
    label = {node["uid"]: node["label"] for node in nodes}
    actors = {node["uid"] for node in nodes
              if node["label"] == "Actor" and districts.intersection(node.get("districts") or ())}
    tables = {node["uid"] for node in nodes
              if node["label"] == "RoundTable" and districts.intersection(node.get("districts") or ())}
    for edge in edges:
        if edge["type"] == "MEMBER_OF" and edge["a"] in actors and label.get(edge["b"]) == "RoundTable":
            tables.add(edge["b"])
    people = set()
    for edge in edges:
        if edge["type"] == "WORKS_AT" and edge["b"] in actors:
            people.add(edge["a"])
        elif edge["type"] == "CONTACT_PERSON" and edge["a"] in tables:
            people.add(edge["b"])
    inside = actors | tables | people
    return ([node for node in nodes if node["uid"] in inside],
            [edge for edge in edges if edge["a"] in inside and edge["b"] in inside])
