"""Who knows whom: introduction paths, common contacts, the two-step neighbourhood and suggested
introductions (triadic closure). The graph is built from the links the viewer may see only, so
nothing here can route through a link the viewer must not know of."""
from collections import Counter
from itertools import combinations, islice

import networkx as nx

MAX_STEPS = 4
PATHS = 3
# shortest paths enumerated before the stable choice of PATHS (a dense graph has very many)
PATH_CANDIDATES = 50
BUCKET_LIMIT = 40  # a district and field shared by more people says little about two of them


def _order(graph, uid):
    return (graph.nodes[uid]["name"].casefold(), uid)


def introduction_paths(graph, source, target, max_steps=MAX_STEPS, limit=PATHS):
    """Up to `limit` shortest chains from source to target of at most max_steps links:
    [{"nodes": [uid, ...], "links": [sorted link types between node i and i+1, ...]}]; [] when
    there is none within max_steps (or either end is unknown). Stable: by the names along it."""
    if source not in graph or target not in graph or source == target:
        return []
    try:
        length = nx.shortest_path_length(graph, source, target)
    except nx.NetworkXNoPath:
        return []
    if length > max_steps:
        return []
    candidates = list(islice(nx.all_shortest_paths(graph, source, target), PATH_CANDIDATES))
    candidates.sort(key=lambda path: [_order(graph, uid) for uid in path])
    return [{"nodes": path, "links": [sorted(graph[a][b]["types"]) for a, b in zip(path, path[1:])]}
            for path in candidates[:limit]]


def _knows(graph, uid):
    return {other for other in graph[uid] if "KNOWS" in graph[uid][other]["types"]}


def common_contacts(graph, a, b):
    """The people both a and b know, by name."""
    if a not in graph or b not in graph:
        return []
    return sorted(_knows(graph, a) & _knows(graph, b), key=lambda uid: _order(graph, uid))


def within_two_steps(graph, uid):
    """{"one": [...], "two": [...]}: who is one link away and who two, by name (any visible link)."""
    if uid not in graph:
        return {"one": [], "two": []}
    distance = nx.single_source_shortest_path_length(graph, uid, cutoff=2)
    steps = {1: [], 2: []}
    for other, d in distance.items():
        if d:
            steps[d].append(other)
    return {"one": sorted(steps[1], key=lambda x: _order(graph, x)),
            "two": sorted(steps[2], key=lambda x: _order(graph, x))}


def suggested_introductions(graph, dismissed=frozenset(), limit=20, min_common=1):
    """People who do not know each other yet but probably should, the strongest reasons first:
    [{"a", "b", "common": [uids they both know], "shared": [[district, field], ...]}].

    Reasons: at least `min_common` common acquaintances (triadic closure), or work at actors
    active in the same district with the same field of action. People who work at the same
    actor, and pairs in `dismissed` ({(a, b)} with a < b), are left out."""
    people = [uid for uid, data in graph.nodes(data=True) if data["label"] == "Person"]
    knows = {uid: _knows(graph, uid) for uid in people}
    employers = {uid: {x for x in graph[uid] if "WORKS_AT" in graph[uid][x]["types"]} for uid in people}
    common = Counter()
    for uid in people:
        for a, b in combinations(sorted(knows[uid]), 2):
            common[(a, b)] += 1
    buckets = {}
    for uid in people:
        for actor in employers[uid]:
            data = graph.nodes[actor]
            for district in data["districts"]:
                for field in data.get("fields", ()):
                    buckets.setdefault((district, field), set()).add(uid)
    shared = {}
    for key, members in buckets.items():
        if len(members) <= BUCKET_LIMIT:
            for a, b in combinations(sorted(members), 2):
                shared.setdefault((a, b), []).append(list(key))
    found = []
    for pair in set(p for p, n in common.items() if n >= min_common) | set(shared):
        a, b = pair
        if pair in dismissed or b in knows.get(a, ()) or employers[a] & employers[b]:
            continue
        mutual = sorted(knows[a] & knows[b], key=lambda uid: _order(graph, uid))
        found.append({"a": a, "b": b, "common": mutual, "shared": sorted(shared.get(pair, []))})
    found.sort(key=lambda s: (-len(s["common"]), -len(s["shared"]), _order(graph, s["a"]), _order(graph, s["b"])))
    return found[:limit]
