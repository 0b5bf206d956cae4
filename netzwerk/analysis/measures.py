"""The measures of the analysis page: brokers, articulation points, islands, communities and
district bridges. Each takes the networkx graph of graph.build_graph and returns plain data."""
import math
import random
import threading
from collections import Counter, defaultdict

import networkx as nx

from .graph import build_graph, to_igraph

# exact betweenness up to this many nodes (igraph: about a second at 10,000 nodes); above it a
# sample of source nodes, with the error bound of betweenness_error_bound()
EXACT_LIMIT = 20000
SAMPLES = 2000
CONFIDENCE = 0.95
LOUVAIN_SEED = 7
TOP = 20
MEMBERS_SHOWN = 8


def _order(graph, uid):
    """A stable order for ties: by name, then uid."""
    return (graph.nodes[uid]["name"].casefold(), uid)


# --- betweenness ------------------------------------------------------------------------------
def networkx_betweenness(graph):
    """networkx's own exact betweenness (normalised): the reference the fast path must match."""
    return nx.betweenness_centrality(graph, normalized=True)


def betweenness_error_bound(n, samples, confidence=CONFIDENCE):
    """The largest error of any node's sampled normalised betweenness with the given confidence:
    Hoeffding's inequality for the mean of `samples` per-source dependencies, each in [0, n/(n-1)],
    with a union bound over the n nodes (Brandes and Pich 2007; Riondato and Kornaropoulos 2016)."""
    spread = n / (n - 1)
    return spread * math.sqrt(math.log(2 * n / (1 - confidence)) / (2 * samples))


def betweenness(graph, exact_limit=EXACT_LIMIT, samples=SAMPLES, seed=LOUVAIN_SEED, ig=None):
    """({uid: normalised betweenness}, {"method", "samples", "error_bound"}), networkx's scale:
    the share of shortest paths between pairs of other nodes that pass through a node. Exact in
    igraph up to `exact_limit` nodes, else estimated from `samples` random source nodes."""
    n = graph.number_of_nodes()
    if n < 3:
        return {uid: 0.0 for uid in graph}, {"method": "exact", "samples": None, "error_bound": 0.0}
    ig, uids = ig or to_igraph(graph)
    scale = 2.0 / ((n - 1) * (n - 2))  # igraph counts each unordered pair once
    if n <= exact_limit:
        raw = ig.betweenness(directed=False)
        info = {"method": "exact", "samples": None, "error_bound": 0.0}
    else:
        sources = random.Random(seed).sample(range(n), min(samples, n))
        # igraph sums half of every (source, target) dependency (undirected: each pair has two
        # ends), so all n sources give the exact value: the sample's sum scaled up to n sources
        raw = [value * n / len(sources) for value in
               ig.betweenness(directed=False, sources=sources, targets=None)]
        info = {"method": "sampled", "samples": len(sources),
                "error_bound": betweenness_error_bound(n, len(sources))}
    return {uid: value * scale for uid, value in zip(uids, raw)}, info


def brokers(graph, scores, top=TOP):
    """The nodes on the most shortest paths between others: [{"uid", "score", "degree"}], the
    highest first, nodes with a score of zero left out."""
    ranked = sorted((uid for uid, score in scores.items() if score > 0),
                    key=lambda uid: (-scores[uid], _order(graph, uid)))
    return [{"uid": uid, "score": scores[uid], "degree": graph.degree(uid)} for uid in ranked[:top]]


# --- articulation points ----------------------------------------------------------------------
class _BlockCutForest:
    """The block-cut forest of a graph's biconnected components (igraph), with a weight per
    vertex summed over each side of every cut vertex: what falls apart when it goes."""

    def __init__(self, ig, weight):
        cover, points = ig.biconnected_components(return_articulation_points=True)
        self.blocks = [list(block) for block in cover]
        self.cut = set(points)
        self.tree = defaultdict(list)   # ("b", i) and ("v", vertex)
        own = {}
        for i, block in enumerate(self.blocks):
            own[("b", i)] = sum(weight(v) for v in block if v not in self.cut)
            for v in block:
                if v in self.cut:
                    self.tree[("b", i)].append(("v", v))
                    self.tree[("v", v)].append(("b", i))
        for v in self.cut:
            own[("v", v)] = weight(v)
        self.parent, below, total_of = {}, {}, {}
        for start in (("b", i) for i in range(len(self.blocks))):
            if start in self.parent:
                continue
            self.parent[start] = None
            order, stack = [], [start]
            while stack:
                node = stack.pop()
                order.append(node)
                for other in self.tree[node]:
                    if other not in self.parent:
                        self.parent[other] = node
                        stack.append(other)
            for node in reversed(order):
                below[node] = own[node] + sum(below[c] for c in self.tree[node] if self.parent.get(c) == node)
            for node in order:
                total_of[node] = below[start]
        self.below, self.total_of = below, total_of

    def sides(self, v):
        """[(weight, side)] of the parts that fall apart when cut vertex v goes, heaviest first
        (the weight of v itself is in none of them)."""
        node = ("v", v)
        sides = [(self.below[c], c) for c in self.tree[node] if self.parent.get(c) == node]
        if self.parent[node] is not None:
            sides.append((self.total_of[node] - self.below[node], self.parent[node]))
        return sorted(sides, key=lambda side: -side[0])

    def members(self, v, side, limit=None):
        """The vertices on one side of cut vertex v (at most `limit`, else all)."""
        seen, found, stack = {("v", v), side}, set(), [side]
        while stack and (limit is None or len(found) < limit):
            node = stack.pop()
            if node[0] == "b":
                found.update(x for x in self.blocks[node[1]] if x != v)
            for other in self.tree[node]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return found


def articulation_points(graph, top=TOP, ig=None):
    """{"count", "points": [...]}: the nodes whose removal splits their part of the network.

    For each point: `cut_off`, how many nodes lose their connection to the largest remaining part,
    and `groups`, those cut-off groups (largest first: {"size", "members": some uids by name}).
    Ranked by cut_off, the top ones only. Computed from the block-cut tree of the biconnected
    components (igraph), so every point costs its tree neighbourhood, not a search of the graph.
    """
    ig, uids = ig or to_igraph(graph)
    if not uids:
        return {"count": 0, "points": []}
    forest = _BlockCutForest(ig, lambda v: 1)
    found = []
    for v in forest.cut:
        sides = forest.sides(v)
        found.append((sum(size for size, _ in sides[1:]), v, sides[1:]))
    found.sort(key=lambda item: (-item[0], _order(graph, uids[item[1]])))
    result = []
    for cut_off, v, groups in found[:top]:
        result.append({"uid": uids[v], "cut_off": cut_off, "groups": [
            {"size": size, "members": sorted((uids[x] for x in forest.members(v, side, 200)),
                                             key=lambda uid: _order(graph, uid))[:MEMBERS_SHOWN]}
            for size, side in groups[:5]]})
    return {"count": len(forest.cut), "points": result}


# --- islands ----------------------------------------------------------------------------------
def islands(graph, limit=50):
    """The parts of the network that have no link to its largest part.

    {"components": how many parts, "main_size": nodes in the largest, "islands": the other parts
    with two or more nodes ({"size", "members"}), "isolated": nodes without any link,
    "closed_actors": actors linked only to their own staff (no cooperation, round table, or
    staff member who knows or works anywhere else)}.
    """
    parts = sorted((sorted(part, key=lambda uid: _order(graph, uid)) for part in nx.connected_components(graph)),
                   key=lambda part: (-len(part), _order(graph, part[0])))
    isolated = [part[0] for part in parts if len(part) == 1]
    groups = [{"size": len(part), "members": part[:MEMBERS_SHOWN]} for part in parts[1:] if len(part) > 1]
    return {"components": len(parts), "main_size": len(parts[0]) if parts else 0,
            "islands": groups[:limit], "island_count": len(groups),
            "isolated": isolated[:limit], "isolated_count": len(isolated),
            "closed_actors": closed_actors(graph)[:limit]}


def closed_actors(graph):
    """Actors with staff whose every link stays inside the organisation (actor and its staff)."""
    found = []
    for uid, data in graph.nodes(data=True):
        if data["label"] != "Actor" or graph.degree(uid) == 0:
            continue
        staff = {p for p in graph[uid] if graph.nodes[p]["label"] == "Person" and "WORKS_AT" in graph[uid][p]["types"]}
        inside = staff | {uid}
        if len(staff) == graph.degree(uid) and all(q in inside for p in staff for q in graph[p]):
            found.append(uid)
    return sorted(found, key=lambda uid: _order(graph, uid))


# --- communities ------------------------------------------------------------------------------
_RNG_LOCK = threading.Lock()


def _louvain(graph, seed, ig=None):
    """Louvain (igraph's multilevel method, many times faster than networkx's at 10,000 nodes)
    with igraph's random numbers drawn from a Random(seed): the same graph gives the same parts."""
    import igraph

    ig, uids = ig or to_igraph(graph)
    with _RNG_LOCK:  # igraph's generator is process-wide
        igraph.set_random_number_generator(random.Random(seed))
        try:
            membership = ig.community_multilevel().membership if uids else []
        finally:
            igraph.set_random_number_generator(random)
    grouped = defaultdict(list)
    for uid, part in zip(uids, membership):
        grouped[part].append(uid)
    parts = grouped.values()
    return sorted((sorted(part, key=lambda uid: _order(graph, uid)) for part in parts),
                  key=lambda part: (-len(part), _order(graph, part[0])))


def community_of(graph, seed=LOUVAIN_SEED):
    """{uid: community number}, 0 the largest community: stable for one graph and seed (for
    colouring a view by community)."""
    return {uid: index for index, part in enumerate(_louvain(graph, seed)) for uid in part}


def communities(graph, seed=LOUVAIN_SEED, limit=TOP, ig=None):
    """Groups more densely linked among themselves than to the rest (Louvain, seeded: the same
    graph gives the same groups): [{"index", "size", "members" (best linked first), "districts"
    ([uid, count], most common first), "labels" ({label: count})}], two or more members only."""
    parts = _louvain(graph, seed, ig)
    result = []
    for index, part in enumerate(parts):
        if len(part) < 2 or len(result) >= limit:
            continue
        districts = Counter(d for uid in part for d in graph.nodes[uid]["districts"])
        members = sorted(part, key=lambda uid: (-graph.degree(uid), _order(graph, uid)))
        result.append({"index": index, "size": len(part), "members": members[:MEMBERS_SHOWN],
                       "districts": sorted(districts.items(), key=lambda kv: (-kv[1], kv[0]))[:5],
                       "labels": dict(Counter(graph.nodes[uid]["label"] for uid in part))})
    return result


# --- district bridges -------------------------------------------------------------------------
def _actor_links(graph):
    """Pairs of actors linked directly, through a shared round table or person, or through two
    people who know each other: (a, b) with a < b."""
    label = {uid: data["label"] for uid, data in graph.nodes(data=True)}
    links = set()
    for a in graph:
        if label[a] != "Actor":
            continue
        reached = set()
        for n in graph[a]:
            if label[n] == "Actor":
                reached.add(n)
                continue
            for m in graph[n]:
                if label[m] == "Actor":
                    reached.add(m)
                elif label[n] == "Person" and label[m] == "Person":
                    reached.update(x for x in graph[m] if label[x] == "Actor")
        links.update((a, b) if a < b else (b, a) for b in reached if b != a)
    return links


def district_bridges(graph, limit=TOP):
    """Actors without whom some districts would have no link left to the others:
    [{"uid", "cut_off": districts cut off, "groups": [{"size", "members": district uids}]}].

    The graph of districts and actors: an actor is linked to the districts it is active in and to
    the actors it is linked with (see _actor_links). An actor whose removal splits that graph so
    that districts end up on two or more sides is a bridge; the groups are those sides' districts,
    the largest first. Ranked by how many districts lose their link to the largest side."""
    actors = [uid for uid, data in graph.nodes(data=True) if data["label"] == "Actor"]
    districts = sorted({d for uid in actors for d in graph.nodes[uid]["districts"]})
    index = {uid: i for i, uid in enumerate(actors)}
    first = len(actors)
    index.update({("d", d): first + i for i, d in enumerate(districts)})
    edges = [(index[uid], index[("d", d)]) for uid in actors for d in set(graph.nodes[uid]["districts"])]
    edges += [(index[a], index[b]) for a, b in _actor_links(graph)]
    import igraph
    ig = igraph.Graph(n=first + len(districts), edges=edges, directed=False)
    forest = _BlockCutForest(ig, lambda v: 1 if v >= first else 0)
    found = []
    for v in forest.cut:
        if v >= first:
            continue  # a district is no actor
        sides = [(size, side) for size, side in forest.sides(v) if size > 0]
        if len(sides) >= 2:
            found.append((sum(size for size, _ in sides[1:]), v, sides))
    found.sort(key=lambda item: (-item[0], _order(graph, actors[item[1]])))
    result = []
    for cut_off, v, sides in found[:limit]:
        groups = sorted(([size, sorted(districts[x - first] for x in forest.members(v, side) if x >= first)]
                         for size, side in sides), key=lambda group: (-group[0], group[1]))
        result.append({"uid": actors[v], "cut_off": cut_off, "groups": [
            {"size": size, "members": members[:MEMBERS_SHOWN]} for size, members in groups[:5]]})
    return result


# --- all of it --------------------------------------------------------------------------------
STEPS = ("graph", "betweenness", "articulation_points", "islands", "communities", "district_bridges")


def analyse(nodes, edges, progress=None, exact_limit=EXACT_LIMIT, seed=LOUVAIN_SEED):
    """Every measure of the analysis page for one graph, as JSON-ready data, with `names`
    ({uid: [name, label]}) for every uid the answer mentions. progress(done, total) is called
    after each step."""
    def step(name):
        if progress is not None:
            progress(STEPS.index(name) + 1, len(STEPS))

    graph = build_graph(nodes, edges)
    ig = to_igraph(graph)
    step("graph")
    scores, method = betweenness(graph, exact_limit=exact_limit, seed=seed, ig=ig)
    result = {"size": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                       **Counter(data["label"] for _, data in graph.nodes(data=True))},
              "betweenness": method, "brokers": brokers(graph, scores)}
    step("betweenness")
    result["articulation_points"] = articulation_points(graph, ig=ig)
    step("articulation_points")
    result["islands"] = islands(graph)
    step("islands")
    result["communities"] = communities(graph, seed=seed, ig=ig)
    step("communities")
    result["district_bridges"] = district_bridges(graph)
    step("district_bridges")
    mentioned = {b["uid"] for b in result["brokers"]} | {b["uid"] for b in result["district_bridges"]}
    for point in result["articulation_points"]["points"]:
        mentioned.add(point["uid"])
        mentioned.update(m for group in point["groups"] for m in group["members"])
    isl = result["islands"]
    mentioned.update(isl["isolated"], isl["closed_actors"], (m for i in isl["islands"] for m in i["members"]))
    mentioned.update(m for c in result["communities"] for m in c["members"])
    result["names"] = {uid: [graph.nodes[uid]["name"], graph.nodes[uid]["label"]] for uid in mentioned}
    return result
