"""kill -9 of the embedded database during a stream of acknowledged writes: prints figures,
asserts nothing.

    .venv/bin/python bench/durability_bench.py [--runs 5] [--writers 8] [--seconds 4] [--kill-after 2]

Per run: an embedded FalkorDB in a temporary directory, supervised as the app does it
(netzwerk/store/embedded.py), and the app's services in one process. --writers threads create
register entries (actors, a unit of work with its history entry) and public registrations
(the group commit, netzwerk/registrations/batch.py) in turn until --seconds have passed; after
--kill-after seconds the database gets SIGKILL and the supervisor starts it again. Then every
write is looked up:

- lost / acknowledged: writes whose call returned (the user saw "saved") but are missing;
- restart: seconds from the SIGKILL until the supervisor reports the database running again;
- failed: calls that raised (the user saw an error page);
- saved although failed: of those, the ones whose entry or registration is there after all
  (the write reached the database, the answer did not reach the app). The app's pages must
  not say "nothing saved" for these (trust-outcome; the POST 503 says "not sure").

The server runs `appendfsync always` (a write is on disk before it is acknowledged), so the
window for acknowledged writes is none. Every process it starts is stopped at the end.
"""
import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def one_run(writers, seconds, kill_after):
    from netzwerk import create_app
    from netzwerk.config import PROJECT_ROOT, TestConfig
    from netzwerk.register.model import KINDS
    from netzwerk.store import EmbeddedServer, QueryCatalog
    from netzwerk.store.falkordb_store import FalkorStore

    work = Path(tempfile.mkdtemp(prefix="nw-dur-"))
    server = EmbeddedServer(work / "db")
    server.claim()
    server.start()
    server.supervise()
    store = FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph="bench", unix_socket=server.socket_path,
                        query_timeout=10, connect_timeout=2, server=server)
    try:
        store.apply_schema()
        app = create_app(TestConfig(work / "app"), store=store)
        register, registrations = app.extensions["netzwerk.register"], app.extensions["netzwerk.registrations"]
        event = "ev-durability"
        store.write("graph/merge_events", rows=[{"uid": event, "by": "bench", "props": dict(
            name="Durability", starts_at="2030-06-16T10:30", ends_at="2030-06-16T16:00", capacity=10 ** 6,
            status="published", visibility="public", registration_opens="2020-01-01T00:00",
            registration_closes="2099-01-01T00:00")}], now="2026-01-01T00:00:00")
        acknowledged, failed, lock = [], [], threading.Lock()
        stop_at = time.monotonic() + seconds

        def writer(number):
            i = 0
            while time.monotonic() < stop_at:
                i += 1
                key = f"{number}-{i}-{uuid.uuid4().hex[:8]}"
                kind = "actor" if i % 2 else "registration"
                try:
                    if kind == "actor":
                        register.create(KINDS["actors"], {"name": f"Dauer {key}", "kind": "initiative"}, by="bench")
                    else:
                        with app.test_request_context():
                            registrations.register(event, name=f"Dauer {key}", email=f"{key}@example.org",
                                                   answers={}, language="de", form_token=key,
                                                   link_for=lambda token: f"https://example.org/{token}")
                except Exception:
                    with lock:
                        failed.append((kind, key))
                    time.sleep(0.02)
                    continue
                with lock:
                    acknowledged.append((kind, key))

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        time.sleep(kill_after)
        killed = time.monotonic()
        server.kill_supervised()
        while server.read_state().get("state") != "restarting":
            time.sleep(0.005)
        while server.read_state().get("state") != "running":
            time.sleep(0.01)
        restart = time.monotonic() - killed
        for thread in threads:
            thread.join()

        def present(kind, key):
            if kind == "actor":
                result = store.graph.ro_query("MATCH (a:Actor {name: $name}) RETURN count(a)", {"name": f"Dauer {key}"})
            else:
                result = store.graph.ro_query("MATCH (r:Registration {form_token: $t}) RETURN count(r)", {"t": key})
            return result.result_set[0][0] > 0

        lost = [item for item in acknowledged if not present(*item)]
        saved_anyway = [item for item in failed if present(*item)]
        return dict(acknowledged=len(acknowledged), lost=len(lost), failed=len(failed),
                    saved_anyway=len(saved_anyway), restart=restart,
                    saved_anyway_by_kind={kind: sum(1 for k, _ in saved_anyway if k == kind)
                                          for kind in ("actor", "registration")})
    finally:
        store.close()
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--kill-after", type=float, default=2.0)
    args = parser.parse_args()
    results = []
    print(f"kill -9 durability: {args.runs} runs, {args.writers} writers, {args.seconds:g} s each, "
          f"SIGKILL after {args.kill_after:g} s (appendfsync always)")
    for run in range(1, args.runs + 1):
        result = one_run(args.writers, args.seconds, args.kill_after)
        results.append(result)
        print(f"run {run}: lost {result['lost']} / acknowledged {result['acknowledged']}, restart "
              f"{result['restart']:.2f} s, failed {result['failed']}, saved although failed "
              f"{result['saved_anyway']} {result['saved_anyway_by_kind']}")
    print(f"total: lost {sum(r['lost'] for r in results)} / acknowledged {sum(r['acknowledged'] for r in results)}, "
          f"restart median {statistics.median(r['restart'] for r in results):.2f} s "
          f"(max {max(r['restart'] for r in results):.2f} s), failed {sum(r['failed'] for r in results)}, "
          f"saved although failed {sum(r['saved_anyway'] for r in results)}")


if __name__ == "__main__":
    main()
