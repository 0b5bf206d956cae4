"""Gaps on a country-sized graph, FalkorDB and Neo4j side by side: prints, asserts nothing.

    .venv/bin/python bench/gaps_bench.py [--scale 1] [--backend both|falkordb|neo4j]
                                         [--runs 15] [--no-http]

`generate(scale)` (kept here, seeded, so every run builds the same graph) makes at scale 1:
10,000 districts in a 4-level hierarchy (100 cities › 9 Stadtbezirke each › 3 Stadtteile
each › 2 or 3 Quartiere each) with NEIGHBOURS between siblings (a ring, plus one chord) and
between a Quartier of each Stadtteil and one of the next, 50,000 actors ACTIVE_IN Quartiere or
Stadtteile (a few planned), 200,000 offers IN Quartiere (mostly) with every filterable field
filled, and 20,000 needs in Quartiere. `--scale 0.1` builds a tenth of every count, for a
quick run.

Per backend, a fresh database (temporary directory), loaded through the import queries in
chunks of 1,000 rows (the store's bulk path, as bench/register_bench.py and pages_bench.py do),
then, with the read cache off (each figure is what a question costs the first time):
- the gap query: `uncovered_districts` (all its queries) for a question on one city at the
  Stadtbezirk and at the Quartier level, and for a Stadtbezirk at the Quartier level;
- the coverage matrix of one city (Stadtbezirke × fields of action);
- matching: `measure_matching` below, a place for the needs-to-offers matching (measured by
  its own engineer; prints "–" until it exists);
- unless --no-http: /luecken and /luecken/matrix over HTTP under gunicorn (2 sync workers,
  the production settings of bench/pages_bench.py, read cache on as in production), median
  latency of one request alone, next to a Flask hello-world under the same gunicorn. The
  question's own queries are `cache: no` (queries/gaps/), so every request works its answer
  out as the query figure does; what every question shares (the signed-in user, the area
  list, the vocabulary choices, the rendered form) is served from memory as in production.
Targets on the embedded store (issue 9): one gap query < 100 ms, the page < 1.3x its query,
the matrix < 300 ms, matching < 50 ms.
"""
import argparse
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOW = "2026-11-23T00:00:00"
FIELDS = ("social-infrastructure", "neighbourhood-culture", "living-together", "language", "counselling",
          "housing", "work", "health", "children-youth", "leisure-sport", "education")
TARGET_GROUPS = ("all-residents", "migration-background", "refugees", "newcomers", "children", "youth",
                 "parents", "families", "women", "seniors")
LANGUAGES = ("de", "de", "de", "ar", "tr", "uk", "ru", "fa", "en", "pl")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ACTOR_KINDS = ("city office", "welfare association", "association", "housing company", "school",
               "youth centre", "migrant organisation", "initiative")
STARTS = ("08:30", "09:00", "10:00", "13:00", "14:30", "16:00", "17:30", "18:00", "19:00")


def _uid(prefix, number):
    # readable, unique and stable across runs: a run's figures can be compared with the last one's
    return f"bench-{prefix}-{number:07d}"


def generate(scale=1.0, seed=9):
    """The graph as import rows: {"districts", "actors", "offers", "needs", "neighbours"}.

    Districts come parents first (import_districts links PART_OF to rows already there)."""
    rng = random.Random(seed)
    cities = max(1, round(100 * scale))
    districts, neighbours = [], []
    counter = iter(range(10**7))

    def district(name, type_, parent=None, population=None):
        row = {"uid": _uid("d", next(counter)), "change_uid": _uid("dc", len(districts)), "action": "create",
               "changed": [], "part_of": [parent] if parent else [],
               "props": {"name": name, "type": type_, "population": population,
                         "name_key": name.lower(), "search": name.lower()}}
        districts.append(row)
        return row["uid"]

    def ring(uids):
        # siblings border each other in a ring, with one chord across
        for a, b in zip(uids, uids[1:] + uids[:1]):
            if a != b:
                neighbours.append({"from": a, "to": b})
        if len(uids) > 3:
            neighbours.append({"from": uids[0], "to": uids[len(uids) // 2]})

    quartiere, stadtteile, city_uids = [], [], []
    for c in range(cities):
        city = district(f"Stadt {c}", "city", population=rng.randrange(50_000, 600_000))
        city_uids.append(city)
        bezirke = []
        for b in range(9):
            bezirk = district(f"Stadt {c} Bezirk {b}", "Stadtbezirk", city, rng.randrange(20_000, 80_000))
            bezirke.append(bezirk)
            teile, firsts = [], []
            for t in range(3):
                teil = district(f"Stadt {c} Bezirk {b} Teil {t}", "Stadtteil", bezirk,
                                rng.choice([None, rng.randrange(5_000, 30_000)]))
                teile.append(teil)
                stadtteile.append(teil)
                qs = [district(f"Stadt {c} Bezirk {b} Teil {t} Quartier {q}", "Quartier", teil,
                               rng.choice([None, rng.randrange(1_000, 9_000)]))
                      for q in range(2 if (c + b + t) % 2 else 3)]
                quartiere.extend(qs)
                firsts.append(qs[-1])
                ring(qs)
            ring(teile)
            ring(firsts)  # Quartiere border Quartiere of the next Stadtteil too
        ring(bezirke)
    actor_count, offer_count, need_count = round(50_000 * scale), round(200_000 * scale), round(20_000 * scale)
    actors = []
    for i in range(actor_count):
        where = rng.choice(quartiere) if rng.random() < 0.7 else rng.choice(stadtteile)
        actors.append({"uid": _uid("a", i), "change_uid": _uid("ac", i), "action": "create", "changed": [],
                       "districts": [where],
                       "props": {"name": f"Akteur {i}", "name_key": f"akteur {i}", "search": f"akteur {i}",
                                 "kind": rng.choice(ACTOR_KINDS), "fields": rng.sample(FIELDS, 2)}})
    offers = []
    for i in range(offer_count):
        start = rng.choice(STARTS)
        end = f"{min(int(start[:2]) + rng.choice((2, 3)), 23):02d}:{start[3:]}"
        offers.append({
            "uid": _uid("o", i), "change_uid": _uid("oc", i), "action": "create", "changed": [],
            "providers": [actors[rng.randrange(actor_count)]["uid"]] if actor_count else [],
            "districts": [rng.choice(quartiere) if rng.random() < 0.85 else rng.choice(stadtteile)],
            "props": {"name": f"Angebot {i}", "name_key": f"angebot {i}", "search": f"angebot {i}",
                      "status": rng.choice(("active", "active", "active", "paused", "ended")),
                      "fields": rng.sample(FIELDS, rng.choice((1, 2))),
                      "target_groups": rng.sample(TARGET_GROUPS, 2),
                      "languages": sorted(set(rng.sample(LANGUAGES, 2))),
                      "weekdays": rng.sample(WEEKDAYS, rng.choice((1, 2))),
                      "time_from": start, "time_to": end,
                      "cost": rng.choice(("free", "free", "fee")),
                      "access_notes": ["barrier-free"] if rng.random() < 0.4 else None}})
    needs = [{"uid": _uid("n", i), "by": "bench",
              "props": {"name": f"Bedarf {i}", "name_key": f"bedarf {i}", "search": f"bedarf {i}",
                        "field": rng.choice(FIELDS), "target_group": rng.choice(TARGET_GROUPS),
                        "language": rng.choice(LANGUAGES), "status": rng.choice(("open", "open", "met")),
                        "reported_at": "2026-10-01"},
              "district": rng.choice(quartiere)} for i in range(need_count)]
    return {"districts": districts, "actors": actors, "offers": offers, "needs": needs,
            "neighbours": neighbours, "cities": city_uids}


def load(store, data, chunk=1000, log=print):
    """Everything through the import and merge queries, 1,000 rows per statement."""
    def chunks(rows):
        for start in range(0, len(rows), chunk):
            yield rows[start:start + chunk]
    began = time.monotonic()
    for kind in ("districts", "actors", "offers"):
        for rows in chunks(data[kind]):
            store.write(f"import/import_{kind}", rows=rows, now=NOW, by="bench")
        log(f"    {len(data[kind])} {kind} after {time.monotonic() - began:.0f} s")
    for rows in chunks(data["neighbours"]):
        store.write("graph/merge_neighbours", links=rows)
    for rows in chunks(data["needs"]):
        store.write("graph/merge_needs", rows=rows, now=NOW)
        store.write("graph/merge_need_in", links=[{"from": row["uid"], "to": row["district"]} for row in rows])
    log(f"    {len(data['neighbours'])} neighbours, {len(data['needs'])} needs after {time.monotonic() - began:.0f} s")


def timed(runs, function, warm=3):
    """Median milliseconds of `runs` calls, after `warm` calls not counted (Neo4j's plan cache
    and JIT, FalkorDB's plan cache)."""
    for _ in range(warm):
        function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def questions(data):
    """(label, Question) pairs: the gap questions measured."""
    from netzwerk.gaps.service import Question
    city = data["cities"][len(data["cities"]) // 2]
    bezirk = next(row["uid"] for row in data["districts"]
                  if row["props"]["type"] == "Stadtbezirk" and row["part_of"] == [city])
    return [
        ("gap: city, Stadtbezirke, counselling+ar", Question(area=city, field="counselling", language="ar")),
        ("gap: city, Quartiere, counselling", Question(area=city, level="Quartier", field="counselling")),
        ("gap: city, Quartiere, 5 filters", Question(area=city, level="Quartier", field="language",
                                                     target_group="refugees", weekday="tue",
                                                     time_of_day="evening", cost="free")),
        ("gap: Bezirk, Quartiere, actors of a field", Question(area=bezirk, level="Quartier", subject="actors",
                                                               field="housing")),
        ("gap: city, Stadtbezirke, nothing fits", Question(area=city, field="counselling", language="so")),
    ]


def matrix_questions(data):
    from netzwerk.gaps.service import MatrixQuestion
    city = data["cities"][len(data["cities"]) // 2]
    return [
        ("matrix: city, Stadtbezirke x fields", MatrixQuestion(area=city)),
        ("matrix: city, Quartiere x fields", MatrixQuestion(area=city, level="Quartier")),
        ("matrix: city, Stadtbezirke x languages", MatrixQuestion(area=city, columns="language")),
    ]


def measure_matching(store, data, runs, needs=30):
    """Matching a need to offers on this graph: {label: ms}, by bench/matching_bench.py's own
    measure() over a fixed sample of the generated needs (the same on both engines)."""
    import matching_bench  # beside this file
    sample = random.Random(5).sample([row["uid"] for row in data["needs"]], min(needs, len(data["needs"])))
    figures = matching_bench.measure(store, sample, runs=runs)
    return {f"matching: {label}": value for label, value in figures.items()}


def measure_queries(store, data, runs):
    from netzwerk.gaps import service
    figures = {}
    for label, question in questions(data):
        figures[label] = timed(runs, lambda: service.uncovered_districts(store, question))
    for label, question in matrix_questions(data):
        figures[label] = timed(runs, lambda: service.coverage_matrix(store, question))
    figures.update(measure_matching(store, data, runs))
    return figures


def page_paths(data):
    """(label, path, query label, query): the pages measured over HTTP, and the query each is
    compared with (query(store) runs it as the page does)."""
    from netzwerk.gaps import service
    out = []
    for label, question in questions(data)[:3]:
        out.append((label.replace("gap:", "/luecken"), "/luecken?" + urlencode(question.params()), label,
                    lambda store, q=question: service.uncovered_districts(store, q)))
    label, question = matrix_questions(data)[0]
    out.append((label.replace("matrix:", "/luecken/matrix"), "/luecken/matrix?" + urlencode(question.params()), label,
                lambda store, q=question: service.coverage_matrix(store, q)))
    return out


PAIRED = " [query, same minutes]"  # the query timed between the page's requests


def measure_http(backend, env, store, data, data_dir, hello, runs, log):
    import secrets
    from bench import pages_bench as pb
    secret_key = secrets.token_hex(32)
    pb.create_bench_user(store, secret_key, data_dir)
    server = pb.Gunicorn("bench.pages_bench:netzwerk_app()", pb.worker_env(env, secret_key, data_dir, False),
                         Path(data_dir) / "gunicorn.log").wait_ready("/anmelden")
    try:
        cookie = pb.log_in(server.port)
        figures = {"hello world (gunicorn)": pb.latency_alone(hello.port, "/", None, runs, 20)}
        for label, path, _, query in page_paths(data):
            status, _, body = pb.http_request(server.port, path, cookie=cookie)
            if status != 200 or b"id=\"h-covered\"" not in body and b"data-cell" not in body:
                raise RuntimeError(f"{path}: {status}\n{body[:400]!r}")
            pb.warm_up(server.port, path, cookie, seconds=1.0)
            # page and query alternately, so both see the same minutes of a shared machine
            pages, queries = [], []
            for _ in range(max(runs, 9)):
                queries.append(timed(1, lambda: query(store), warm=0))
                pages.append(pb.latency_alone(server.port, path, cookie, 1, 30))
            figures[label] = statistics.median(pages)
            figures[label + PAIRED] = statistics.median(queries)
            log(f"    {backend} {label}: {figures[label]:.1f} ms (its query meanwhile {figures[label + PAIRED]:.1f} ms)")
        return figures
    finally:
        server.stop()


def run_backend(backend, data, args, work_dir, hello, log):
    from bench import pages_bench as pb
    data_dir = Path(tempfile.mkdtemp(prefix=f"{backend}-", dir=work_dir))
    store, env, stop = pb.start_database(backend, data_dir)
    try:
        store.read_cache = store.stable_cache = None  # every figure: the question asked the first time
        started = time.monotonic()
        load(store, data, log=log)
        figures = {"load (s)": time.monotonic() - started}
        # the graph is written in the current shape: no start-up migration (which reads every node once)
        from netzwerk.migrations import DATA_VERSION
        store.write("system/set_data_version", version=DATA_VERSION, now=NOW)
        figures.update(measure_queries(store, data, args.runs))
        for label, value in figures.items():
            log(f"    {backend} {label}: {value:.1f}")
        if hello is not None:
            figures.update(measure_http(backend, env, store, data, data_dir, hello, args.runs, log))
        return figures
    finally:
        stop()


def print_table(results, data):
    backends = list(results)
    labels = list(dict.fromkeys(label for figures in results.values() for label in figures))
    print(f"{'figure (ms unless said)':46}" + "".join(f"{b:>12}" for b in backends))
    for label in labels:
        print(f"{label:46}" + "".join(
            f"{results[b][label]:12.1f}" if label in results[b] else f"{'–':>12}" for b in backends))
    for backend, figures in results.items():
        for label, path, query, _ in page_paths(data):
            if label in figures and label + PAIRED in figures:
                print(f"{backend}: {label} = {figures[label] / figures[label + PAIRED]:.2f}x its query timed "
                      f"between its requests (against the table's query figure {figures[label] / figures[query]:.2f}x; "
                      f"target < 1.3x on falkordb)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 10,000 districts, 200,000 offers")
    parser.add_argument("--backend", choices=("both", "falkordb", "neo4j"), default="both")
    parser.add_argument("--runs", type=int, default=15, help="median of this many runs")
    parser.add_argument("--no-http", dest="http", action="store_false", help="the queries only")
    parser.add_argument("--max-minutes", type=float, default=45, help="the whole run ends after this")
    args = parser.parse_args(argv)
    backends = ("falkordb", "neo4j") if args.backend == "both" else (args.backend,)

    def give_up(*_):
        raise TimeoutError(f"gaps_bench: stopped after {args.max_minutes} minutes")
    signal.signal(signal.SIGALRM, give_up)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.alarm(int(args.max_minutes * 60))
    log = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    began, load_before = time.monotonic(), os.getloadavg()[0]
    data = generate(args.scale)
    log(f"generated: {', '.join(f'{len(v)} {k}' for k, v in data.items())}")
    work_dir = tempfile.mkdtemp(prefix="nw-gaps-bench-")
    hello, results = None, {}
    try:
        if args.http:
            from bench import pages_bench as pb
            hello = pb.Gunicorn("bench.pages_bench:hello_app()", pb.worker_env({}, "-", work_dir, False),
                                Path(work_dir) / "hello.log").wait_ready("/")
        for backend in backends:
            log(f"  {backend}:")
            results[backend] = run_backend(backend, data, args, work_dir, hello, log)
    finally:
        signal.alarm(0)
        if hello is not None:
            hello.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
    print(f"gaps on a generated graph at scale {args.scale}: {', '.join(f'{len(v)} {k}' for k, v in data.items())}; "
          f"queries with the read cache off; pages with it on, the question's own queries never cached "
          f"(cache: no); median of {args.runs} runs")
    print(f"{os.cpu_count()} CPUs shared with other work; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after; run took {(time.monotonic() - began) / 60:.1f} min")
    print_table(results, data)


if __name__ == "__main__":
    main()
