"""The network analysis at 100 to 100,000 nodes: prints figures, asserts nothing.

    .venv/bin/python bench/insight_bench.py [--sizes 100,1000,10000,100000] [--no-http]
                                            [--networkx-full-max 10000] [--networkx-samples 200]
                                            [--requests 30]

For each size a realistic network is generated (netzwerk/analysis/synthetic.py: districts in
cities, actors active in one or two districts, people working at actors, acquaintances mostly
within a district, cooperations, round tables; about 2.7 links per node). Per size it prints:

- build: the whole analysis as the app computes it (netzwerk.analysis.analyse: betweenness,
  articulation points, islands, Louvain communities, district bridges), from the records;
- igraph: the betweenness of the fast path alone (exact up to 20,000 nodes, else sampled);
- networkx: plain networkx betweenness (nx.betweenness_centrality, exact) on the same graph in
  the same run, and the ratio networkx / build (the target: >= 5 at 10,000 nodes). Above
  --networkx-full-max nodes networkx runs on a sample of source nodes and its full time is
  extrapolated (Brandes' algorithm costs the same per source), marked "~";
- agree: the largest difference between igraph's and networkx's normalised betweenness (when both
  are exact);
- in app: the first analysis inside the app, reading the network from the database (an
  embedded FalkorDB in a temporary directory, loaded through the seed's merge queries);
- page: the median latency of the cached analysis page /netzwerk/analyse over HTTP, one request
  at a time, as a logged-in coordinator (werkzeug's threaded server on 127.0.0.1, in-process).

Every process it starts (the embedded FalkorDB) is stopped at the end.
"""
import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (str(ROOT), str(Path(__file__).resolve().parent)):
    if path not in sys.path:
        sys.path.insert(0, path)

import networkx as nx  # noqa: E402

from netzwerk.analysis import analyse, betweenness, build_graph, networkx_betweenness, synthetic  # noqa: E402


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def networkx_time(graph, full_max, samples=200, seed=1):
    """(seconds, exact scores or None, extrapolated?) of plain networkx betweenness."""
    n = graph.number_of_nodes()
    if n <= full_max:
        seconds, scores = timed(networkx_betweenness, graph)
        return seconds, scores, False
    k = min(n, samples)
    seconds, _ = timed(nx.betweenness_centrality, graph, k=k, seed=seed)
    return seconds * n / k, None, True


# --- the app over HTTP -------------------------------------------------------------------------
def load_network(store, nodes, edges):
    """The generated records into the graph through the seed's merge queries."""
    now = "2026-11-23T00:00:00"
    districts = sorted({d for node in nodes for d in node["districts"]})
    steps = [("graph/merge_districts", [{"uid": d, "by": "bench", "props": {"name": f"Stadtteil {d}", "type": "Stadtbezirk",
                                                                             "name_key": f"stadtteil {d}"}} for d in districts])]
    for label, query in (("Actor", "graph/merge_actors"), ("Person", "graph/merge_people"),
                         ("RoundTable", "graph/merge_round_tables")):
        rows = [{"uid": n["uid"], "by": "bench", "props": {"name": n["name"], "name_key": n["name"].lower(),
                                                            **({"fields": n["fields"]} if n.get("fields") else {})}}
                for n in nodes if n["label"] == label]
        steps.append((query, rows))
    for query, params in steps:
        for chunk in range(0, len(params), 2000):
            store.write(query, rows=params[chunk:chunk + 2000], now=now)
    links = {"WORKS_AT": ("graph/merge_works_at", lambda e: {"from": e["a"], "to": e["b"], "role": None}),
             "KNOWS": ("graph/merge_knows", lambda e: {"from": e["a"], "to": e["b"], "since": None, "context": None,
                                                       "strength": 1}),
             "COOPERATES_WITH": ("graph/merge_cooperates_with", lambda e: {"from": e["a"], "to": e["b"]}),
             "MEMBER_OF": ("graph/merge_member_of", lambda e: {"from": e["a"], "to": e["b"]})}
    active = [{"from": n["uid"], "to": d, "status": "active"} for n in nodes if n["label"] == "Actor" for d in n["districts"]]
    batches = [("graph/merge_active_in", active)]
    for kind, (query, make) in links.items():
        batches.append((query, [make(e) for e in edges if e["type"] == kind]))
    for query, rows in batches:
        for chunk in range(0, len(rows), 2000):
            store.write(query, links=rows[chunk:chunk + 2000])


def page_figures(nodes, edges, requests):
    """(seconds of the first analysis in the app, median ms of the cached page)."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    from netzwerk import create_app
    from netzwerk.config import Config
    from netzwerk.insight.service import FULL, wait_for_job
    from pages_bench import EMAIL, PASSWORD, free_port, http_request, log_in
    from netzwerk.config import PROJECT_ROOT
    from netzwerk.store import EmbeddedServer, QueryCatalog
    from netzwerk.store.falkordb_store import FalkorStore

    work = Path(tempfile.mkdtemp(prefix="nw-insight-bench-"))
    server = EmbeddedServer(work / "db").start()
    store = FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph="bench", unix_socket=server.socket_path,
                        query_timeout=600, connect_timeout=5)
    http = None
    try:
        store.apply_schema()
        load_network(store, nodes, edges)
        config = Config()
        config.SECRET_KEY, config.DATA_DIR, config.ENV = "insight-bench-" + "x" * 20, work / "app", "development"
        app = create_app(config, store=store)
        app.extensions["netzwerk.accounts"].create_user(EMAIL, "Bench Koordination", "coordinator", PASSWORD,
                                                        created_by="bench")
        insight = app.extensions["netzwerk.insight"]
        port = free_port()
        quiet = type("Quiet", (WSGIRequestHandler,), {"log_request": lambda self, *a, **k: None})
        http = make_server("127.0.0.1", port, app, threaded=True, request_handler=quiet)
        threading.Thread(target=http.serve_forever, daemon=True).start()
        cookie = log_in(port)
        started = time.perf_counter()
        http_request(port, "/netzwerk/analyse", cookie=cookie)   # starts the analysis (or runs it)
        wait_for_job(insight, FULL, timeout=3600)
        first = time.perf_counter() - started
        status, _, body = http_request(port, "/netzwerk/analyse", cookie=cookie)
        if status != 200 or b"Vermittler" not in body:
            raise RuntimeError(f"the analysis page answered {status}")
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            http_request(port, "/netzwerk/analyse", cookie=cookie)
            samples.append((time.perf_counter() - started) * 1000)
        return first, statistics.median(samples)
    finally:
        if http is not None:
            http.shutdown()
        store.close()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


def view_build_ms(size, runs=5):
    """Median ms to build the network view (/netzwerk) of a generated network of `size` nodes."""
    import network_view_bench
    from netzwerk.network.graph import NETWORK_KINDS, ViewSpec, view_from_records
    nodes, links = network_view_bench.generate(size)
    return network_view_bench.timed(runs, lambda: view_from_records(nodes, links, ViewSpec(types=NETWORK_KINDS)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--networkx-full-max", type=int, default=10000,
                        help="above this many nodes networkx runs on sampled sources, its time extrapolated")
    parser.add_argument("--networkx-samples", type=int, default=200,
                        help="source nodes networkx runs on above --networkx-full-max")
    parser.add_argument("--no-http", action="store_true", help="skip the database and the page")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    header = (f"{'nodes':>8} {'links':>8} {'view ms':>8} {'build s':>8} {'igraph s':>9} {'networkx s':>11} "
              f"{'nx/build':>9} {'agree':>8} {'method':>8} {'in app s':>9} {'page ms':>8}")
    print(header)
    print("-" * len(header), flush=True)
    for size in sizes:
        nodes, edges = synthetic.network(size)
        graph = build_graph(nodes, edges)
        view_ms = view_build_ms(size)
        build, result = timed(analyse, nodes, edges)
        fast_seconds, (fast, _) = timed(betweenness, graph)
        nx_seconds, reference, extrapolated = networkx_time(graph, args.networkx_full_max, args.networkx_samples)
        exact = result["betweenness"]["method"] == "exact"
        agree = f"{max(abs(fast[u] - reference[u]) for u in graph):.0e}" if reference and exact else "–"
        in_app = page = None
        if not args.no_http:
            in_app, page = page_figures(nodes, edges, args.requests)
        print(f"{graph.number_of_nodes():>8} {graph.number_of_edges():>8} {view_ms:>8.1f} {build:>8.2f} {fast_seconds:>9.2f} "
              f"{('~' if extrapolated else '') + f'{nx_seconds:.1f}':>11} {nx_seconds / build:>9.1f} {agree:>8} "
              f"{result['betweenness']['method']:>8} {'–' if in_app is None else f'{in_app:.2f}':>9} "
              f"{'–' if page is None else f'{page:.1f}':>8}", flush=True)
    print("\nview: building the network view of this many nodes from the two queries' rows (median of 5, "
          "bench/network_view_bench.py's generator; aggregated above 1,000 nodes as the page does); "
          "build: the whole analysis (netzwerk.analysis.analyse); igraph: its betweenness alone (sampled above 20,000 nodes); "
          "networkx: nx.betweenness_centrality (exact; ~ extrapolated from sampled sources); "
          "agree: max |igraph - networkx| of normalised betweenness (both exact); method: exact, or sampled above "
          "EXACT_LIMIT nodes with the error bound the page states; in app: the first analysis in the app "
          "from the database; page: median of the cached /netzwerk/analyse over HTTP.")


if __name__ == "__main__":
    main()
