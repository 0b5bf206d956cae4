"""Register latency on a generated network, FalkorDB and Neo4j side by side: prints, asserts nothing.

    .venv/bin/python bench/register_bench.py [--actors 5000] [--backend both|falkordb|neo4j]

Builds the same districts, actors and offers (one seeded generator) in a fresh embedded
FalkorDB and in a fresh Neo4j launcher (temporary directories), times the queries behind
the list, search, detail and update pages on each, and prints one table: a column per
backend and their ratio (Neo4j / FalkorDB; above 1 means Neo4j is slower).
"""
import argparse
import random
import shutil
import statistics
import tempfile
import time

from netzwerk.config import PROJECT_ROOT
from netzwerk.register.model import KINDS
from netzwerk.register.service import Register
from netzwerk.store import EmbeddedServer, QueryCatalog
from netzwerk.store.falkordb_store import FalkorStore
from netzwerk.store.neo4j_embedded import EmbeddedNeo4j
from netzwerk.store.neo4j_store import Neo4jStore
from netzwerk.text import new_uid

WORDS = ("Nachbarschaft", "Café", "Beratung", "Jugend", "Sprache", "Düsternort", "Lanstrop", "Treff",
         "Begleitung", "Frauen", "Eltern", "Kinder", "Sport", "Garten", "Kultur", "Arbeit")


def open_backend(name, catalog):
    """A store on a fresh database of the backend, and how to stop it."""
    data_dir = tempfile.mkdtemp(prefix=f"nw-bench-{name}-")
    if name == "falkordb":
        server = EmbeddedServer(data_dir).start()
        store = FalkorStore(catalog, graph="bench", unix_socket=server.socket_path,
                            query_timeout=120, connect_timeout=5)
    else:
        server = EmbeddedNeo4j(data_dir, heap="1g").start()
        store = Neo4jStore(catalog, url=server.url, user="neo4j", password=server.password(),
                           database="neo4j", query_timeout=120, connect_timeout=5)
    store.apply_schema()

    def stop():
        store.close()
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return store, stop


def generate(actors, seed=7):
    rng = random.Random(seed)
    districts = [{"uid": new_uid(), "props": {"name": f"Quartier {i}", "type": "Quartier"},
                  "change_uid": new_uid(), "action": "create", "changed": [], "part_of": []}
                 for i in range(200)]
    actor_rows = [{"uid": new_uid(), "change_uid": new_uid(), "action": "create", "changed": [],
                   "props": _props("actors", rng), "districts": [rng.choice(districts)["uid"]]}
                  for _ in range(actors)]
    offers = [{"uid": new_uid(), "change_uid": new_uid(), "action": "create", "changed": [],
               "props": _props("offers", rng), "providers": [rng.choice(actor_rows)["uid"]],
               "districts": [rng.choice(districts)["uid"]]} for _ in range(actors * 2)]
    return {"districts": districts, "actors": actor_rows, "offers": offers}, rng.choice(actor_rows)["uid"]


def timed(runs, function):
    """Median milliseconds of `runs` calls."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def measure(store, data, sample, runs):
    figures = {}
    now = "2026-11-22T00:00:00"
    started = time.perf_counter()
    for kind in ("districts", "actors", "offers"):
        rows = data[kind]
        for chunk in range(0, len(rows), 1000):
            store.write(f"import/import_{kind}", rows=rows[chunk:chunk + 1000], now=now, by="bench")
    loaded = sum(len(rows) for rows in data.values())
    figures["import (entries/s, higher is better)"] = loaded / (time.perf_counter() - started)

    register = Register(store)
    actor_kind, offer_kind = KINDS["actors"], KINDS["offers"]
    district = data["districts"][0]["uid"]
    figures["actors: first page of 25, by name (ms)"] = timed(runs, lambda: register.list(actor_kind))
    figures["offers: search 'dusternort' (ms)"] = timed(runs, lambda: register.list(offer_kind, q="dusternort"))
    figures["offers: field + status filter (ms)"] = timed(runs, lambda: register.list(
        offer_kind, filters={"field": "Sprache", "status": "active"}))
    figures["offers: district filter, hierarchy (ms)"] = timed(runs, lambda: register.list(
        offer_kind, filters={"district": district}))
    figures["actors: page 100 (ms)"] = timed(runs, lambda: register.list(actor_kind, page=100))
    figures["actor detail: entry, links, history (ms)"] = timed(runs, lambda: (
        register.get(actor_kind, sample), register.link_sections(actor_kind, sample), register.history(actor_kind, sample)))
    entry = register.get(actor_kind, sample, with_private=True)
    state = {"version": entry["version"]}

    def update():
        result = register.update(actor_kind, sample, state["version"], {**entry, "description": new_uid()}, "bench")
        state["version"] = result["version"]
    figures["actor update, version check + history (ms)"] = timed(runs, update)
    figures["offers: export all rows (ms)"] = timed(3, lambda: register.export_rows(offer_kind))
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--backend", choices=("both", "falkordb", "neo4j"), default="both")
    args = parser.parse_args()
    backends = ("falkordb", "neo4j") if args.backend == "both" else (args.backend,)
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    data, sample = generate(args.actors)
    print(f"{args.actors} actors, {2 * args.actors} offers, 200 districts; median of {args.runs} runs")
    results = {}
    for backend in backends:
        store, stop = open_backend(backend, catalog)
        try:
            results[backend] = measure(store, data, sample, args.runs)
        finally:
            stop()
    print_table(results)


def print_table(results):
    backends = list(results)
    header = f"{'':46}" + "".join(f"{b:>12}" for b in backends)  # ratio: neo4j / falkordb
    if len(backends) == 2:
        header += f"{'ratio':>10}"
    print(header)
    for label in results[backends[0]]:
        values = [results[b][label] for b in backends]
        line = f"{label:46}" + "".join(f"{v:12.1f}" for v in values)
        if len(values) == 2 and values[0]:
            line += f"{values[1] / values[0]:10.2f}"
        print(line)


def _props(kind, rng):
    from netzwerk.register.service import entry_props
    name = " ".join(rng.sample(WORDS, 3)) + f" {rng.randrange(10**6)}"
    values = {"name": name, "description": " ".join(rng.choices(WORDS, k=12))}
    if kind == "actors":
        values["kind"] = rng.choice([k for k, _ in KINDS["actors"].field("kind").choices])
    else:
        values.update(status=rng.choice(["active", "active", "paused", "ended"]),
                      fields=rng.sample([f for f, _ in KINDS["offers"].field("fields").choices], 2),
                      languages=rng.sample(["de", "ar", "tr", "uk"], 2))
    return entry_props(KINDS[kind], values)


if __name__ == "__main__":
    main()
