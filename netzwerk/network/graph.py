"""The shown network, from the two queries' rows: filters, ego view, measures, aggregation.

Pure functions of plain records (no store, no Flask): the service reads the rows, this shapes
them, netzwerk/viz draws them. `view_from_records` is the whole server-side build in one call
(bench/insight_bench.py measures it).
"""
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field as dataclass_field

import networkx as nx

from ..analysis.measures import betweenness, community_of
from ..i18n import gettext as _, lazy_gettext as _l
from ..register.model import KINDS, LINKS
from ..viz import build_view

# the register kinds the network shows, in the legend's order
NETWORK_KINDS = ("actors", "people", "offers", "districts", "round_tables", "events", "needs")
DEFAULT_TYPES = ("actors", "people", "offers", "round_tables", "events")
KEY_BY_LABEL = {KINDS[key].label: key for key in NETWORK_KINDS}
# the field whose label says what a node is (the query returns it as `kind`)
KIND_FIELDS = {"actors": "kind", "events": "kind", "districts": "type", "offers": "status",
               "needs": "status"}
# links that place a node in a district (a person is placed where their actors are)
PLACING = {"ACTIVE_IN", "IN"}
EGO_DEPTHS = (1, 2, 3)
COLOURS = (("type", _l("Knotentyp")), ("community", _l("Gemeinschaft (Louvain)")))
SIZES = (("degree", _l("Grad (Zahl der Verbindungen)")), ("betweenness", _l("Vermittlung (Betweenness)")),
         ("none", _l("gleich groß")))
AGGREGATES = (("districts", _l("nach Stadtteilen")), ("top", _l("nur die am besten vernetzten")))


def link_types(contacts):
    """The relationship types a viewer may see: KNOWS (private) only with contacts.read."""
    private = {link.type for link in LINKS if link.private}
    shown = {link.type for link in LINKS if link.source in NETWORK_KINDS and link.target in NETWORK_KINDS}
    return sorted(shown if contacts else shown - private)


def link_label(type_, source_type, target_type):
    for link in LINKS:
        if link.type == type_ and link.source == source_type and link.target == target_type:
            return _(link.out_label)
    return type_


@dataclass(frozen=True)
class ViewSpec:
    """What to show: the node types, the filters (empty: any), or the ego view of `center`."""
    types: tuple = DEFAULT_TYPES
    district: str = ""
    actor_kind: str = ""
    field: str = ""
    round_table: str = ""
    center: str = ""
    depth: int = 1
    colour: str = "type"
    size: str = "degree"
    aggregate: str = "districts"

    @property
    def filtered(self):
        return bool(self.district or self.actor_kind or self.field or self.round_table)

    def labels(self):
        """The labels the node query must read: the shown ones, and those the filters, their
        choices and the tooltips' districts go through."""
        keys = set(self.types) | {"actors", "districts", "people", "round_tables"}
        return sorted(KINDS[key].label for key in keys)


@dataclass
class Graph:
    """All readable nodes and links: nodes {uid: row with `type`}, links [(source, target, type)]."""
    nodes: dict
    links: list
    adjacency: dict = dataclass_field(default_factory=dict)

    @classmethod
    def from_rows(cls, node_rows, link_rows):
        nodes = {}
        for row in node_rows:
            type_ = KEY_BY_LABEL.get(row["label"])
            if type_ is not None:
                nodes[row["uid"]] = {**row, "type": type_}
        links, adjacency = [], defaultdict(list)
        for row in link_rows:
            source, target = row["source"], row["target"]
            if source in nodes and target in nodes and source != target:
                links.append((source, target, row["type"]))
                adjacency[source].append((target, row["type"], "out"))
                adjacency[target].append((source, row["type"], "in"))
        return cls(nodes, links, adjacency)

    def parent_of(self):
        return {source: target for source, target, type_ in self.links if type_ == "PART_OF"}

    def area(self, district):
        """The district and every district below it (PART_OF, any depth)."""
        children = defaultdict(list)
        for child, parent in self.parent_of().items():
            children[parent].append(child)
        seen, todo = {district}, [district]
        while todo:
            for child in children[todo.pop()]:
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        return seen

    def districts_of(self, uid):
        """The districts a node is placed in: its own ACTIVE_IN / IN, a person's through their
        actors (WORKS_AT), a district's parent."""
        node = self.nodes[uid]
        if node["type"] == "districts":
            return [t for t, type_, d in self.adjacency[uid] if type_ == "PART_OF" and d == "out"]
        found = [t for t, type_, d in self.adjacency[uid] if type_ in PLACING and d == "out"
                 and self.nodes[t]["type"] == "districts"]
        if node["type"] == "people" and not found:
            for actor, type_, d in self.adjacency[uid]:
                if type_ == "WORKS_AT":
                    found += self.districts_of(actor)
        return list(dict.fromkeys(found))


def _passes_own(graph, node, spec, area, member_actors):
    """(passes, needs an actor) for the filters the node's own type carries."""
    type_, needs_actor = node["type"], False
    if spec.district:
        if type_ == "districts":
            if node["uid"] not in area:
                return False, False
        elif type_ == "people":
            needs_actor = True
        elif not area.intersection(t for t, link, d in graph.adjacency[node["uid"]]
                                   if link in PLACING and d == "out"):
            return False, False
    if spec.actor_kind and type_ != "actors":
        needs_actor = True
    elif spec.actor_kind and node.get("kind") != spec.actor_kind:
        return False, False
    if spec.field:
        if type_ in ("actors", "offers", "events", "needs"):
            if spec.field not in (node.get("fields") or []):
                return False, False
        else:
            needs_actor = True
    if spec.round_table:
        if type_ == "round_tables":
            if node["uid"] != spec.round_table:
                return False, False
        elif type_ == "actors":
            if node["uid"] not in member_actors:
                return False, False
        else:
            needs_actor = True
    return True, needs_actor


def filtered_uids(graph, spec):
    """The uids of the whole network's nodes of the chosen types that pass the filters. A node
    whose type lacks a filter's property (a person has no district or field of its own) passes
    it through a linked actor that passes every filter."""
    types = set(spec.types)
    if not spec.filtered:
        return [uid for uid, node in graph.nodes.items() if node["type"] in types]
    area = graph.area(spec.district) if spec.district else set()
    members = {s for s, t, link in graph.links if link == "MEMBER_OF" and t == spec.round_table}
    actors = {uid for uid, node in graph.nodes.items() if node["type"] == "actors"
              and _passes_own(graph, node, spec, area, members)[0]}
    shown = []
    for uid, node in graph.nodes.items():
        if node["type"] not in types:
            continue
        if node["type"] == "actors":
            if uid in actors:
                shown.append(uid)
            continue
        passes, needs_actor = _passes_own(graph, node, spec, area, members)
        if passes and (not needs_actor or any(other in actors for other, _l, _d in graph.adjacency[uid])):
            shown.append(uid)
    return shown


def ego_uids(graph, center, depth, types):
    """The center and every node of the chosen types within `depth` links of it, through
    nodes of those types only (breadth first)."""
    if center not in graph.nodes:
        return []
    types = set(types)
    seen, queue = {center: 0}, deque([center])
    while queue:
        uid = queue.popleft()
        if seen[uid] >= depth:
            continue
        for other, _link, _direction in graph.adjacency[uid]:
            if other not in seen and graph.nodes[other]["type"] in types:
                seen[other] = seen[uid] + 1
                queue.append(other)
    return list(seen)


def subgraph(graph, uids):
    """networkx Graph of the nodes and the links among them (undirected, one edge per pair)."""
    g = nx.Graph()
    g.add_nodes_from((uid, {"name": graph.nodes[uid].get("name") or ""}) for uid in uids)
    chosen = set(uids)
    g.add_edges_from((s, t, {"type": link}) for s, t, link in graph.links if s in chosen and t in chosen)
    return g


def measure(g, size):
    """{uid: value} of the size measure, or {} for equal sizes."""
    if size == "degree":
        return dict(g.degree())
    if size == "betweenness":  # the analysis page's: igraph, exact up to 20,000 nodes
        return betweenness(g)[0]
    return {}


def communities(g):
    """{uid: index}, the largest community first, and the communities' sizes: the analysis
    page's Louvain (igraph, seeded: stable results, the same groups as on that page)."""
    groups = community_of(g) if g.number_of_nodes() else {}
    sizes = Counter(groups.values())
    return groups, [sizes[index] for index in range(len(sizes))]


class Texts:
    """The view's words in the UI's language, each looked up once per view, not once per node:
    a view of 1,000 nodes would otherwise translate some 5,000 times."""

    def __init__(self, size):
        self.size = size
        self.district_line = _("Stadtteil: {names}")
        self.measure_line = {"degree": _("Verbindungen: {n}"), "betweenness": _("Vermittlung: {value}")}.get(size)
        self._types, self._kinds, self._links = {}, {}, {}

    def type_label(self, type_):
        if type_ not in self._types:
            self._types[type_] = _(KINDS[type_].singular)
        return self._types[type_]

    def kind_label(self, node):
        key = (node["type"], node.get("kind"))
        if key not in self._kinds:
            self._kinds[key] = kind_label(node)
        return self._kinds[key]

    def link_label(self, type_, source_type, target_type):
        key = (type_, source_type, target_type)
        if key not in self._links:
            self._links[key] = link_label(*key)
        return self._links[key]

    def tooltip(self, node, district_names, value):
        """Plain text: name, what it is, where, the size measure; newlines only (never HTML)."""
        what, kind = self.type_label(node["type"]), self.kind_label(node)
        lines = [node.get("name") or "", f"{what} · {kind}" if kind else what]
        if district_names:
            lines.append(self.district_line.format(names=", ".join(district_names)))
        if value is not None and self.measure_line:
            lines.append(self.measure_line.format(n=value, value=f"{value:.3f}"))
        return "\n".join(lines)


def kind_label(node):
    field_name = KIND_FIELDS.get(node["type"])
    value = node.get("kind")
    if value in (None, ""):
        return ""
    if field_name is None or node["type"] == "people":
        return str(value)
    return KINDS[node["type"]].field(field_name).text(value)


def shown_view(graph, spec, url_for_entry, max_nodes=1000, top_nodes=200, contacts=False):
    """The view as plain data: {"nodes", "edges", "center", "total", "aggregated", "communities"}.

    nodes: [{id, type, name, kind, districts, title, url, value, community}]; edges: [{source,
    target, type, title}]. Above `max_nodes` the view is aggregated: by district (one node per
    district below the chosen one, sized by its nodes, linked by the count of links between
    them) or the `top_nodes` best linked nodes; `aggregated` then says how and lists the groups.
    """
    if spec.center:
        uids = ego_uids(graph, spec.center, spec.depth, spec.types)
    else:
        uids = filtered_uids(graph, spec)
    total = len(uids)
    aggregated = None
    if total > max_nodes and not (spec.aggregate == "top"):
        return _district_groups(graph, spec, uids, total)
    if total > max_nodes:
        degrees = dict(subgraph(graph, uids).degree())
        uids = sorted(uids, key=lambda uid: (-degrees[uid], uid))[:top_nodes]
        if spec.center and spec.center not in uids:
            uids[-1] = spec.center
        aggregated = {"by": "top", "total": total, "shown": len(uids), "groups": []}
    g = subgraph(graph, uids)
    values = measure(g, spec.size)
    groups, sizes = communities(g) if spec.colour == "community" else ({}, [])
    names = {uid: node["name"] for uid, node in graph.nodes.items() if node["type"] == "districts"}
    texts = Texts(spec.size)
    nodes = []
    for uid in uids:
        node = graph.nodes[uid]
        districts = [names[d] for d in graph.districts_of(uid)[:3] if d in names]
        value = values.get(uid)
        nodes.append({"id": uid, "type": node["type"], "name": node.get("name") or "",
                      "kind": texts.kind_label(node), "districts": districts,
                      "title": texts.tooltip(node, districts, value),
                      "url": url_for_entry(node["type"], uid),
                      "value": None if value is None else (value * 100 if spec.size == "betweenness" else value),
                      "measure": value, "community": groups.get(uid)})
    edges = []
    for source, target, link in graph.links:
        if g.has_node(source) and g.has_node(target):
            title = texts.link_label(link, graph.nodes[source]["type"], graph.nodes[target]["type"])
            edges.append({"source": source, "target": target, "type": link, "title": title})
    return {"nodes": nodes, "edges": edges, "center": graph.nodes.get(spec.center), "total": total,
            "aggregated": aggregated, "communities": sizes}


def _district_groups(graph, spec, uids, total):
    """One node per district just below the chosen one (the top-level districts without one)."""
    parent = graph.parent_of()
    anchor = spec.district or None
    if spec.center:
        anchor = None
    levels = {uid for uid, node in graph.nodes.items() if node["type"] == "districts"
              and parent.get(uid) == anchor}
    memo = {}

    def group_of_district(d):
        path, seen = [], set()
        while d is not None and d not in levels and d not in seen and d not in memo:
            seen.add(d)
            path.append(d)
            d = parent.get(d)
        found = memo.get(d, d if d in levels else None)
        for step in path:
            memo[step] = found
        return found

    group_of = {}
    for uid in uids:
        places = [uid] if graph.nodes[uid]["type"] == "districts" else graph.districts_of(uid)
        found = sorted({g for g in map(group_of_district, places) if g is not None})
        group_of[uid] = found[0] if found else (anchor or "")
    counts = defaultdict(int)
    for group in group_of.values():
        counts[group] += 1
    between = defaultdict(int)
    for source, target, _link in graph.links:
        a, b = group_of.get(source), group_of.get(target)
        if a is not None and b is not None and a != b:
            between[tuple(sorted((a, b)))] += 1
    groups = []
    for uid, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name = graph.nodes[uid]["name"] if uid in graph.nodes else _("ohne Stadtteil")
        groups.append({"uid": uid, "name": name, "count": count,
                       "drill": uid and uid != anchor})
    nodes = [{"id": "group:" + (g["uid"] or "none"), "type": "group", "name": f"{g['name']} ({g['count']})",
              "kind": "", "districts": [], "group": g["uid"],
              "title": _("{name}: {n} Knoten", name=g["name"], n=g["count"]),
              "url": "", "value": g["count"], "measure": g["count"], "community": None} for g in groups]
    edges = [{"source": "group:" + (a or "none"), "target": "group:" + (b or "none"), "type": "AGGREGATE",
              "title": _("{n} Verbindungen", n=n), "value": n} for (a, b), n in sorted(between.items())]
    return {"nodes": nodes, "edges": edges, "center": graph.nodes.get(spec.center), "total": total,
            "aggregated": {"by": "districts", "total": total, "shown": len(nodes), "groups": groups},
            "communities": []}


def view_from_records(node_rows, link_rows, spec=None, url_for_entry=None, max_nodes=1000, colour=None):
    """The whole server-side build from the two queries' rows to vis-network's JSON data."""
    spec = spec or ViewSpec(types=NETWORK_KINDS)
    url_for_entry = url_for_entry or (lambda type_, uid: f"/{KINDS[type_].slug}/{uid}")
    view = shown_view(Graph.from_rows(node_rows, link_rows), spec, url_for_entry, max_nodes=max_nodes)
    return build_view(view["nodes"], view["edges"], colour=colour or spec.colour)
