"""Server time to build a network view (/netzwerk), by size: prints, asserts nothing.

    .venv/bin/python bench/network_view_bench.py [--sizes 100,1000,10000] [--runs 10] [--store]

Generates a network (actors, people, offers, districts in a city › Stadtbezirk › Quartier
tree, round tables, events; about three links per node) from one seeded generator and times,
median of --runs:
  build   netzwerk.network.graph.view_from_records: the two queries' rows -> filters, degree,
          pyvis Network -> vis-network JSON (what bench/insight_bench.py can call too)
  louvain the same, coloured by community
With --store it also loads the network into a temporary embedded FalkorDB and times
  reads   the two queries of a view (network/list_network_nodes, list_network_links), cold
  page    GET /netzwerk for a coordinator through the Flask test client (reads, build,
          template), read cache off
  browser (with --browser, needs Chromium) from navigating to /netzwerk in Chromium until
          vis-network has stabilised and physics is off (the canvas is interactive), the app
          served on loopback in a thread
Views above NETWORK_MAX_NODES (1,000) are aggregated by district: their figures say so.
"""
import argparse
import random
import re
import shutil
import statistics
import tempfile
import time

from netzwerk.network.graph import NETWORK_KINDS, ViewSpec, view_from_records
from netzwerk.text import new_uid

SHARES = (("Actor", 0.36), ("Person", 0.30), ("Offer", 0.20), ("RoundTable", 0.03), ("Event", 0.05))
ACTOR_KINDS = ("city office", "welfare association", "association", "school", "initiative")
FIELDS = ("counselling", "housing", "education", "culture", "language")


def generate(size, seed=7):
    """(node rows, link rows) as the two queries return them, and the rows for the merge queries."""
    rng = random.Random(seed)
    districts = max(4, size // 20)
    nodes = [{"uid": new_uid(), "label": "District", "name": "Stadt", "kind": "city", "fields": []}]
    links = []
    for i in range(1, districts):
        parent = nodes[0] if i < 8 else nodes[rng.randrange(1, min(i, 8))]
        nodes.append({"uid": new_uid(), "label": "District", "name": f"Bezirk {i}",
                      "kind": "Stadtbezirk" if i < 8 else "Quartier", "fields": []})
        links.append({"source": nodes[-1]["uid"], "target": parent["uid"], "type": "PART_OF"})
    by_label = {}
    for label, share in SHARES:
        for i in range(max(1, int((size - districts) * share))):
            row = {"uid": new_uid(), "label": label, "name": f"{label} {i} Düsternort", "fields": rng.sample(FIELDS, 2),
                   "kind": rng.choice(ACTOR_KINDS) if label == "Actor" else None}
            nodes.append(row)
            by_label.setdefault(label, []).append(row["uid"])
    district_uids = [n["uid"] for n in nodes if n["label"] == "District"]
    actors, pick = by_label["Actor"], rng.choice
    for uid in actors:
        links.append({"source": uid, "target": pick(district_uids), "type": "ACTIVE_IN"})
        links.append({"source": uid, "target": pick(actors), "type": "COOPERATES_WITH"})
        links.append({"source": uid, "target": pick(by_label["RoundTable"]), "type": "MEMBER_OF"})
    for uid in by_label["Person"]:
        links.append({"source": uid, "target": pick(actors), "type": "WORKS_AT"})
        links.append({"source": uid, "target": pick(by_label["Person"]), "type": "KNOWS"})
    for uid in by_label["Offer"]:
        links.append({"source": pick(actors), "target": uid, "type": "OFFERS"})
        links.append({"source": uid, "target": pick(district_uids), "type": "IN"})
    for uid in by_label["Event"]:
        links.append({"source": uid, "target": pick(actors), "type": "ORGANISED_BY"})
    links = [link for link in links if link["source"] != link["target"]]
    return nodes, links


def timed(runs, function):
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


MERGES = {"Actor": "graph/merge_actors", "Person": "graph/merge_people", "Offer": "graph/merge_offers",
          "District": "graph/merge_districts", "RoundTable": "graph/merge_round_tables", "Event": "graph/merge_events"}
LINK_MERGES = {"ACTIVE_IN": "graph/merge_active_in", "COOPERATES_WITH": "graph/merge_cooperates_with",
               "MEMBER_OF": "graph/merge_member_of", "WORKS_AT": "graph/merge_works_at", "KNOWS": "graph/merge_knows",
               "OFFERS": "graph/merge_offered_by", "IN": "graph/merge_offer_in", "ORGANISED_BY": "graph/merge_organised_by",
               "PART_OF": "graph/merge_part_of"}


def load(store, nodes, links):
    steps = []
    for label, query in MERGES.items():
        rows = [{"uid": n["uid"], "by": "bench", "props": {
            "name": n["name"], "fields": n["fields"], **({"kind": n["kind"]} if n["kind"] else {}),
            **({"type": n["kind"]} if label == "District" else {}),
            **({"starts_at": "2026-06-16T10:30", "visibility": "public", "status": "published"} if label == "Event" else {})}}
            for n in nodes if n["label"] == label]
        if label == "District":
            for row in rows:
                row["props"].pop("kind", None)
        steps.append((query, {"rows": rows, "now": "2026-01-01T00:00:00"}))
    for type_, query in LINK_MERGES.items():
        rows = [{"from": l["source"], "to": l["target"]} for l in links if l["type"] == type_]
        if type_ == "ACTIVE_IN":
            rows = [{**row, "status": None} for row in rows]
        if type_ == "KNOWS":
            rows = [{**row, "since": None, "context": None, "strength": None} for row in rows]
        if type_ in ("WORKS_AT", "ORGANISED_BY"):
            rows = [{**row, "role": None} for row in rows]
        steps.append((query, {"links": rows}))
    for name, params in steps:
        store.write(name, **params)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--store", action="store_true", help="also time the reads and the page on FalkorDB")
    parser.add_argument("--browser", action="store_true", help="with --store: time until the view is interactive in Chromium")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"median of {args.runs} runs, milliseconds; views above 1,000 nodes are aggregated by district")
    print(f"{'nodes':>7} {'links':>7} {'build':>8} {'louvain':>8} {'reads':>8} {'page':>8} {'browser':>8}")
    every = ViewSpec(types=NETWORK_KINDS)
    for size in sizes:
        nodes, links = generate(size)
        build = timed(args.runs, lambda: view_from_records(nodes, links, every))
        louvain = timed(args.runs, lambda: view_from_records(nodes, links, ViewSpec(types=NETWORK_KINDS, colour="community")))
        reads = page = browser = float("nan")
        if args.store:
            reads, page, browser = store_figures(nodes, links, args.runs, args.browser)
        print(f"{len(nodes):>7} {len(links):>7} {build:>8.1f} {louvain:>8.1f} {reads:>8.1f} {page:>8.1f} {browser:>8.1f}")


def store_figures(nodes, links, runs, browser=False):
    from netzwerk import create_app
    from netzwerk.config import PROJECT_ROOT, TestConfig
    from netzwerk.network.graph import link_types
    from netzwerk.store import EmbeddedServer, QueryCatalog
    from netzwerk.store.falkordb_store import FalkorStore
    data_dir = tempfile.mkdtemp(prefix="nw-netbench-")
    server = EmbeddedServer(data_dir).start()
    try:
        store = FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph="bench", unix_socket=server.socket_path,
                            query_timeout=120, connect_timeout=5, read_cache_bytes=0)
        store.apply_schema()
        load(store, nodes, links)
        spec = ViewSpec(types=NETWORK_KINDS)

        def reads():
            store.read("network/list_network_nodes", labels=spec.labels())
            store.read("network/list_network_links", types=link_types(True))
        read_ms = timed(runs, reads)
        config = TestConfig(data_dir)
        app = create_app(config, store=store)
        app.extensions["netzwerk.accounts"].create_user("k@example.org", "K", "coordinator", "ein-sicheres-passwort")
        client = app.test_client()
        login = client.get("/anmelden").get_data(as_text=True)
        token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', login).group(1)
        client.post("/anmelden", data={"csrf_token": token, "email": "k@example.org",
                                       "password": "ein-sicheres-passwort"})
        url = "/netzwerk?" + "&".join(f"types={t}" for t in NETWORK_KINDS)
        assert client.get(url).status_code == 200
        page_ms = timed(runs, lambda: client.get(url))
        browser_ms = browser_figure(app, url, max(3, runs // 3)) if browser else float("nan")
        store.close()
        return read_ms, page_ms, browser_ms
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def browser_figure(app, path, runs):
    """Median ms from navigating to the view until vis-network has settled (physics off)."""
    import shutil as shell
    import threading
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server
    chromium = shell.which("chromium") or shell.which("chromium-browser")
    if not chromium:
        return float("nan")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    samples = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + "/anmelden")
            page.get_by_label("E-Mail").fill("k@example.org")
            page.get_by_label("Passwort").fill("ein-sicheres-passwort")
            page.keyboard.press("Enter")
            page.wait_for_url(url + "/")
            for _ in range(runs):
                started = time.perf_counter()
                page.goto(url + path)
                page.wait_for_selector("#network[data-state=stable]", timeout=60000)
                samples.append((time.perf_counter() - started) * 1000)
            browser.close()
    finally:
        server.shutdown()
    return statistics.median(samples)


if __name__ == "__main__":
    main()
