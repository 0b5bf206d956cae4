"""Register latency on a generated network: prints figures, asserts nothing.

    .venv/bin/python bench/register_bench.py [--actors 5000]

Builds districts, actors, offers and people in a fresh embedded FalkorDB (in a temporary
directory), then times the queries behind the list, search, detail and update pages.
"""
import argparse
import random
import statistics
import tempfile
import time

from netzwerk.config import PROJECT_ROOT
from netzwerk.register.model import KINDS
from netzwerk.register.service import Register
from netzwerk.store import EmbeddedServer, QueryCatalog
from netzwerk.store.falkordb_store import FalkorStore
from netzwerk.text import new_uid

WORDS = ("Nachbarschaft", "Café", "Beratung", "Jugend", "Sprache", "Düsternort", "Lanstrop", "Treff",
         "Begleitung", "Frauen", "Eltern", "Kinder", "Sport", "Garten", "Kultur", "Arbeit")


def timed(label, runs, function):
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    print(f"{label:48} median {statistics.median(samples):7.1f} ms   p95 {samples[int(len(samples) * .95) - 1]:7.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(7)
    server = EmbeddedServer(tempfile.mkdtemp(prefix="nw-bench-")).start()
    store = FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph="bench", unix_socket=server.socket_path,
                        query_timeout=60, connect_timeout=5)
    try:
        store.apply_schema()
        register = Register(store)
        now = "2026-11-22T00:00:00"
        districts = [{"uid": new_uid(), "props": {"name": f"Quartier {i}", "type": "Quartier"},
                      "change_uid": new_uid(), "action": "create", "changed": [], "part_of": []}
                     for i in range(200)]
        actors = [{"uid": new_uid(), "change_uid": new_uid(), "action": "create", "changed": [],
                   "props": _props("actors", rng), "districts": [rng.choice(districts)["uid"]]}
                  for _ in range(args.actors)]
        offers = [{"uid": new_uid(), "change_uid": new_uid(), "action": "create", "changed": [],
                   "props": _props("offers", rng), "providers": [rng.choice(actors)["uid"]],
                   "districts": [rng.choice(districts)["uid"]]} for _ in range(args.actors * 2)]
        started = time.perf_counter()
        for kind, rows in (("districts", districts), ("actors", actors), ("offers", offers)):
            for chunk in range(0, len(rows), 1000):
                store.write(f"import/import_{kind}", rows=rows[chunk:chunk + 1000], now=now, by="bench")
        loaded = len(districts) + len(actors) + len(offers)
        print(f"loaded {loaded} entries in {time.perf_counter() - started:.1f} s "
              f"({loaded / (time.perf_counter() - started):.0f} entries/s, through the import queries)")

        actor_kind, offer_kind = KINDS["actors"], KINDS["offers"]
        sample = rng.choice(actors)["uid"]
        timed("actors: first page of 25, sorted by name", args.runs, lambda: register.list(actor_kind))
        timed("offers: search 'dusternort'", args.runs, lambda: register.list(offer_kind, q="dusternort"))
        timed("offers: field + status filter", args.runs,
              lambda: register.list(offer_kind, filters={"field": "Sprache", "status": "active"}))
        timed("offers: district filter (with hierarchy)", args.runs,
              lambda: register.list(offer_kind, filters={"district": districts[0]["uid"]}))
        timed("actors: page 100", args.runs, lambda: register.list(actor_kind, page=100))
        timed("actor detail: entry, links, history", args.runs, lambda: (
            register.get(actor_kind, sample), register.link_sections(actor_kind, sample), register.history(sample)))
        entry = register.get(actor_kind, sample, with_private=True)
        state = {"version": entry["version"]}

        def update():
            result = register.update(actor_kind, sample, state["version"], {**entry, "description": new_uid()}, "bench")
            state["version"] = result["version"]
        timed("actor update (version check + history)", args.runs, update)
        timed("offers: export all rows", 3, lambda: register.export_rows(offer_kind))
    finally:
        store.close()
        server.stop()


def _props(kind, rng):
    from netzwerk.register.service import entry_props
    name = " ".join(rng.sample(WORDS, 3)) + f" {rng.randrange(10**6)}"
    values = {"name": name, "description": " ".join(rng.choices(WORDS, k=12))}
    if kind == "actors":
        values["kind"] = rng.choice([k for k, _ in KINDS["actors"].field("kind").choices])
    else:
        values.update(status=rng.choice(["active", "active", "paused", "ended"]),
                      fields=rng.sample([f for f, _ in KINDS["offers"].field("fields").choices], 2),
                      languages=rng.sample(["Deutsch", "Arabisch", "Türkisch", "Ukrainisch"], 2))
    return entry_props(KINDS[kind], values)


if __name__ == "__main__":
    main()
