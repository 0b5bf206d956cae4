"""Matching latency (a need's ranked offers) on a generated country-sized graph, FalkorDB and
Neo4j side by side: prints, asserts nothing.

    .venv/bin/python bench/matching_bench.py [--scale 1.0] [--needs 50] [--backend both|falkordb|neo4j]

At --scale 1 the graph has the size of issue 9: about 10,000 districts in a four-level hierarchy
(10 cities › 10 Stadtbezirke › 10 Stadtteile › 9 Quartiere, siblings NEIGHBOURS in a chain),
50,000 actors, 200,000 offers (three in four active; mostly in Quartiere, some for a whole
Stadtteil or Stadtbezirk) and 20,000 needs; --scale 0.25 a quarter of the actors, offers and
needs on the same districts. One seeded generator, so both engines get the same graph. Prints
per backend the median and 95th percentile of `match_offers` over sampled needs (the same needs
on both), the candidate query of the need's own ring alone, and the load time. The targets of
issue 9: matching under 50 ms on the embedded store.

`generate()` and `measure()` are plain functions, so bench/gaps_bench.py can call them on its
own graph (a graph with District, Offer, Need and the links of docs/model.md).
"""
import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from register_bench import open_backend  # noqa: E402

from netzwerk.config import PROJECT_ROOT  # noqa: E402
from netzwerk.matching import service as matching  # noqa: E402
from netzwerk.register.model import KINDS  # noqa: E402
from netzwerk.store import QueryCatalog  # noqa: E402

NOW = "2026-01-01T00:00:00"
BATCH = 5000
SHAPE = (10, 10, 10, 9)  # cities, Stadtbezirke per city, Stadtteile per Stadtbezirk, Quartiere per Stadtteil
TYPES = ("city", "Stadtbezirk", "Stadtteil", "Quartier")


def _codes(kind, field):
    return [code for code, _label in KINDS[kind].field(field).choices]


def generate(scale=1.0, seed=11):
    """{districts, part_of, neighbours, actors, offers, offer_in, offered_by, needs, need_in}: rows
    for the graph/merge_* queries."""
    rng = random.Random(seed)
    districts, part_of, neighbours, levels = [], [], [], [[]]

    def add(name, type_, parent):
        uid = f"d{len(districts)}"
        districts.append({"uid": uid, "by": "bench", "props": {"name": name, "type": type_}})
        if parent:
            part_of.append({"from": uid, "to": parent})
        return uid

    parents = [None]
    for depth, count in enumerate(SHAPE):
        level = []
        for parent in parents:
            siblings = [add(f"{TYPES[depth]} {len(districts)}", TYPES[depth], parent) for _ in range(count)]
            neighbours += [{"from": a, "to": b} for a, b in zip(siblings, siblings[1:])]
            level += siblings
        levels.append(level)
        parents = level
    quartiere, stadtteile, bezirke = levels[4], levels[3], levels[2]
    fields, groups = _codes("offers", "fields"), _codes("offers", "target_groups")
    languages, weekdays = _codes("offers", "languages")[:8], _codes("offers", "weekdays")
    actors = [{"uid": f"a{i}", "by": "bench", "props": {"name": f"Akteur {i}", "kind": "association"}}
              for i in range(int(50_000 * scale))]
    offers, offer_in, offered_by = [], [], []
    for i in range(int(200_000 * scale)):
        start = rng.randrange(8, 20)
        offers.append({"uid": f"o{i}", "by": "bench", "props": {
            "name": f"Angebot {i}", "status": rng.choice(("active", "active", "active", "ended")),
            "fields": rng.sample(fields, rng.randint(1, 2)), "target_groups": rng.sample(groups, rng.randint(1, 2)),
            "languages": rng.sample(languages, rng.randint(1, 2)), "weekdays": rng.sample(weekdays, rng.randint(1, 3)),
            "time_from": f"{start:02d}:00", "time_to": f"{start + 2:02d}:00", "cost": rng.choice(("free", "fee"))}})
        where = rng.random()
        district = rng.choice(quartiere if where < 0.8 else stadtteile if where < 0.95 else bezirke)
        offer_in.append({"from": f"o{i}", "to": district})
        if actors:
            offered_by.append({"from": rng.choice(actors)["uid"], "to": f"o{i}"})
    needs, need_in = [], []
    for i in range(int(20_000 * scale)):
        needs.append({"uid": f"n{i}", "by": "bench", "props": {
            "name": f"Bedarf {i}", "status": "open", "field": rng.choice(fields), "target_group": rng.choice(groups),
            "language": rng.choice(languages), "weekdays": rng.sample(weekdays, 2),
            "time_of_day": rng.choice(("morning", "afternoon", "evening"))}})
        need_in.append({"from": f"n{i}", "to": rng.choice(quartiere if rng.random() < 0.9 else stadtteile)})
    return {"districts": districts, "part_of": part_of, "neighbours": neighbours, "actors": actors,
            "offers": offers, "offer_in": offer_in, "offered_by": offered_by, "needs": needs, "need_in": need_in}


def load(store, data):
    """Writes the generated graph in batches; returns the seconds it took."""
    started = time.perf_counter()
    for query, key, arg in (("graph/merge_districts", "districts", "rows"), ("graph/merge_part_of", "part_of", "links"),
                            ("graph/merge_neighbours", "neighbours", "links"), ("graph/merge_actors", "actors", "rows"),
                            ("graph/merge_offers", "offers", "rows"), ("graph/merge_offer_in", "offer_in", "links"),
                            ("graph/merge_offered_by", "offered_by", "links"), ("graph/merge_needs", "needs", "rows"),
                            ("graph/merge_need_in", "need_in", "links")):
        rows = data[key]
        for start in range(0, len(rows), BATCH):
            params = {arg: rows[start:start + BATCH]}
            if arg == "rows":
                params["now"] = NOW
            store.write(query, **params)
    return time.perf_counter() - started


def _percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(store, need_uids, runs=3):
    """{label: milliseconds}: match_offers per need (median and p95 over the needs, each the
    median of `runs`), and the own-ring candidate query alone."""
    whole, ring, found = [], [], []
    for uid in need_uids:
        matching.match_offers(store, uid)  # warm: the engines plan a query on first sight
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            result = matching.match_offers(store, uid)
            samples.append((time.perf_counter() - started) * 1000)
        whole.append(statistics.median(samples))
        found.append(len(result["matches"]))
        own = [p["uid"] for p in store.read("matching/list_need_places", need=uid) if p["relation"] == "self"]
        started = time.perf_counter()
        store.read("matching/list_offer_candidates", districts=own, field=result["need"]["field"] or "",
                   limit=matching.CANDIDATE_LIMIT)
        ring.append((time.perf_counter() - started) * 1000)
    return {"match_offers, median (ms)": statistics.median(whole),
            "match_offers, 95th percentile (ms)": _percentile(whole, 0.95),
            "own-ring candidate query, median (ms)": statistics.median(ring),
            "matches found per need, median": statistics.median(found)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--needs", type=int, default=50, help="needs sampled")
    parser.add_argument("--backend", choices=("both", "falkordb", "neo4j"), default="both")
    args = parser.parse_args()
    backends = ("falkordb", "neo4j") if args.backend == "both" else (args.backend,)
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    data = generate(args.scale)
    sample = [row["uid"] for row in random.Random(3).sample(data["needs"], min(args.needs, len(data["needs"])))]
    print(f"{len(data['districts'])} districts, {len(data['actors'])} actors, {len(data['offers'])} offers, "
          f"{len(data['needs'])} needs; {len(sample)} needs sampled; the read cache is off")
    results = {}
    for backend in backends:
        store, stop = open_backend(backend, catalog)
        store.read_cache = store.stable_cache = None  # measure the database, not the cache
        try:
            seconds = load(store, data)
            results[backend] = {"load (s)": seconds, **measure(store, sample)}
        finally:
            stop()
    backends = list(results)
    print(f"{'':42}" + "".join(f"{b:>12}" for b in backends) + (f"{'ratio':>10}" if len(backends) == 2 else ""))
    for label in results[backends[0]]:
        values = [results[b][label] for b in backends]
        line = f"{label:42}" + "".join(f"{v:12.1f}" for v in values)
        if len(values) == 2 and values[0]:
            line += f"{values[1] / values[0]:10.2f}"
        print(line)


if __name__ == "__main__":
    main()
