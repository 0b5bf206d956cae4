"""Registrations per second over HTTP under gunicorn, beside a Flask hello-world: prints, asserts nothing.

    .venv/bin/python bench/registration_bench.py [--backend both|falkordb|neo4j]
                                                 [--clients 20,100,500] [--seconds 10]

For each backend a fresh database in a temporary directory (the embedded FalkorDB exactly as the
app starts it, `appendfsync always`; or the Neo4j launcher), a member with an API key, and the app
under the production WSGI server (gunicorn, gthread workers, 127.0.0.1). First the registration
service alone, in this process without HTTP, from 32 threads: one statement per registration, then
with the group commit (the app's path); the HTTP rates are shown as a share of the latter, so a
loaded machine shows in both. Per number of clients
and per path, a fresh event (published, public, open, 100 places) and `clients` concurrent
clients registering new people for --seconds:

- api:  POST /api/v1/events/<uid>/registrations (JSON, Bearer key), 202 = acknowledged;
- form: GET /veranstaltungen/<uid>/anmeldung, then its POST with the CSRF token, the form token
        and the session cookie of that client, 302 = acknowledged (the redirect is not followed).

Each run ends with a check read through the app's own queries: overbooked (confirmed beyond the
places), lost (acknowledged e-mails not stored), the counter of confirmed places against the
registrations, sequence numbers without duplicates. A Flask hello-world under the same gunicorn
settings is measured in the same run at each number of clients, as the ceiling.

The client is Python asyncio with raw HTTP/1.1 keep-alive connections, one per client (wrk cannot
keep a cookie and a form token per connection). It runs on the same two cores as gunicorn and the
database, so every figure includes its cost; the hello-world row pays it too.
Rate limits: per address off (every client is 127.0.0.1), per event on with a 1-second window,
so the bookkeeping is measured but never refuses.
"""
import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.pages_bench import HOST, free_port, start_database, worker_env  # noqa: E402

# 2 cores: 4 worker processes, so that one worker's CPU work overlaps another's wait for the
# database; 16 threads each: the group commit (netzwerk/registrations/batch.py) writes the
# registrations that wait in one process together, so a process with more waiting requests
# writes bigger batches (measured at 100 clients, loaded machine: 4 x 4 threads 133 API
# registrations/s, 4 x 16 431/s, 2 x 32 393/s; gevent workers were slower than gthread, hello
# world included). More processes only add context switches and memory on two cores; gthread
# keeps client connections alive (sync workers close each one).
# --reuse-port: each worker listens on its own socket and the kernel spreads new connections over
# them; on one shared socket the first worker awake took most of the 100 keep-alive connections
# (measured: 100/0/0/13 and 68/7/12/13 per worker) and served them on one core while the others
# idled (API 770/s at 137 % CPU; with the spread 996–1,236/s at 190 %, loaded machine).
WORKERS, THREADS = 3, 16
ALONE_THREADS = 32  # threads of the in-process run of the service alone (no HTTP)
CAPACITY = 100
CSRF = re.compile(rb'name="csrf_token" type="hidden" value="([^"]+)"')
FORM_TOKEN = re.compile(rb'name="form_token" type="hidden" value="([^"]*)"')
MEMBER_EMAIL, PASSWORD = "mitglied@registration-bench.de", "registration-bench-" + "x" * 12


def hello_app():
    from flask import Flask
    app = Flask("hello")
    app.add_url_rule("/", "index", lambda: "Hallo Welt")
    return app


class Server:
    """gunicorn with the bench's settings, its own process group, stopped by stop()."""

    def __init__(self, spec, env, log_path, workers=WORKERS, threads=THREADS, worker_class="gthread"):
        from bench.pages_bench import _die_with_parent
        self.port, self.log_path = free_port(), log_path
        command = [sys.executable, "-m", "gunicorn", "--chdir", str(ROOT), "--bind", f"{HOST}:{self.port}",
                   "--workers", str(workers), "--worker-class", worker_class, "--threads", str(threads),
                   "--worker-connections", "1000", "--backlog", "2048", "--reuse-port", "--keep-alive", "30",
                   "--timeout", "120", "--graceful-timeout", "5", "--log-level", "warning", spec]
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True,
                                            preexec_fn=_die_with_parent)

    def wait_ready(self, path, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ended:\n{Path(self.log_path).read_text(errors='replace')[-3000:]}")
            try:
                status = asyncio.run(_one_request(self.port, path))
                if status < 500:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


# --- a raw HTTP/1.1 keep-alive client -------------------------------------------------------------
class Connection:
    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, method, path, headers=(), body=b""):
        for attempt in (1, 2):  # a kept-alive connection the server closed: once more on a new one
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
            lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}", f"Content-Length: {len(body)}",
                     *headers]
            try:
                self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 2 or method != "GET":
                    raise
                continue
            status = int(head[9:12])
            length, cookie, close = 0, None, False
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"set-cookie":
                    cookie = value.strip().split(b";", 1)[0].decode()
                elif name == b"connection" and value.strip().lower() == b"close":
                    close = True
            data = await self.reader.readexactly(length) if length else b""
            if close:
                self.close()
            return status, cookie, data
        raise ConnectionError("unreachable")

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _one_request(port, path):
    connection = Connection(port)
    try:
        return (await connection.request("GET", path))[0]
    finally:
        connection.close()


async def _load(port, clients, seconds, step):
    """`clients` coroutines run `step(connection, client, n)` back to back until the time is up.
    Returns (acknowledged [(client, n)], latencies, failures by kind, elapsed)."""
    acknowledged, latencies, failures = [], [], {}
    started = time.monotonic()
    deadline = started + seconds

    async def client(index):
        connection, n = Connection(port), 0
        try:
            while time.monotonic() < deadline:
                began = time.monotonic()
                try:
                    ok = await step(connection, index, n)
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    ok = type(exc).__name__
                    connection.close()
                if ok is True:
                    acknowledged.append((index, n))
                    latencies.append(time.monotonic() - began)
                else:
                    failures[ok] = failures.get(ok, 0) + 1
                n += 1
        finally:
            connection.close()
    await asyncio.gather(*(client(i) for i in range(clients)))
    return acknowledged, latencies, failures, time.monotonic() - started


def email(run, client, n):
    return f"p{client}-{n}@{run}.bench.example.org"


def api_step(uid, key, run):
    body_of = lambda c, n: json.dumps({"name": f"Person {c}-{n}", "email": email(run, c, n),  # noqa: E731
                                       "consent": True}).encode()

    async def step(connection, client, n):
        status, _, data = await connection.request(
            "POST", f"/api/v1/events/{uid}/registrations", body=body_of(client, n),
            headers=(f"Authorization: Bearer {key}", "Content-Type: application/json",
                     f"Idempotency-Key: {run}-{client}-{n}"))
        return True if status == 202 else f"http {status}"
    return step


def form_step(uid, run):
    path = f"/veranstaltungen/{uid}/anmeldung"

    async def step(connection, client, n):
        status, cookie, html = await connection.request("GET", path)
        if status != 200:
            return f"GET {status}"
        csrf, token = CSRF.search(html), FORM_TOKEN.search(html)
        if csrf is None or token is None or cookie is None:
            return "GET without token or cookie"
        from urllib.parse import urlencode
        body = urlencode({"csrf_token": csrf.group(1).decode(), "form_token": token.group(1).decode(),
                          "invitation": "", "name": f"Person {client}-{n}", "email": email(run, client, n),
                          "consent": "y"}).encode()
        status, _, _ = await connection.request(
            "POST", path, body=body,
            headers=("Content-Type: application/x-www-form-urlencoded", f"Cookie: {cookie}"))
        return True if status == 302 else f"POST {status}"
    return step


async def hello_step(connection, client, n):
    status, _, _ = await connection.request("GET", "/")
    return True if status == 200 else f"http {status}"


# --- setup and the check ----------------------------------------------------------------------------
def make_app(store, data_dir, secret_key):
    from netzwerk import create_app
    from netzwerk.config import Config
    config = Config()
    config.SECRET_KEY, config.DATA_DIR, config.ENV = secret_key, Path(data_dir), "development"
    return create_app(config, store=store)


def make_event(store, uid):
    props = dict(name=f"Bench {uid}", starts_at="2030-06-16T10:30", ends_at="2030-06-16T16:00",
                 capacity=CAPACITY, status="published", visibility="public",
                 registration_opens="2020-01-01T00:00", registration_closes="2030-06-10T23:59")
    store.write("graph/merge_events", rows=[{"uid": uid, "by": "bench", "props": props}], now="2026-01-01T00:00:00")


def check(app, uid, run, acknowledged):
    """What the database holds after the run, through the app's own queries."""
    service = app.extensions["netzwerk.registrations"]
    rows = service.participants(uid)
    stored = {r["email"] for r in rows}
    confirmed = sum(r["status"] == "confirmed" for r in rows)
    places = app.extensions["netzwerk.store"].read_one("registrations/get_event_places", event=uid)
    return {"stored": len(rows), "confirmed": confirmed,
            "overbooked": max(0, confirmed - CAPACITY),
            "lost": sum(email(run, c, n) not in stored for c, n in acknowledged),
            "counter_ok": places["confirmed"] == confirmed,
            "seq_ok": len({r["seq"] for r in rows}) == len(rows)}


def measure_alone(store, uid, run, threads, seconds, batch_rows):
    """The registration service alone in this process, no HTTP and no Flask: `threads` threads
    register new people through Registrations.register (its group commit with `batch_rows`, 1 =
    one statement per registration) for `seconds`. What the database and the statement allow."""
    import threading
    from netzwerk.registrations.service import Registrations
    service = Registrations(store, secret_key="bench", address_limit=0, event_limit=0, batch_rows=batch_rows)
    acknowledged, latencies, failures = [], [], {}
    lock, started = threading.Lock(), time.monotonic()
    deadline = started + seconds

    def client(index):
        n = 0
        while time.monotonic() < deadline:
            began = time.monotonic()
            try:
                outcome = service.register(uid, name=f"Person {index}-{n}", email=email(run, index, n), answers={},
                                           language="de", form_token=f"{run}-{index}-{n}", link_for=lambda t: t)
                ok = outcome.kind == "created" or outcome.kind
            except Exception as exc:  # noqa: BLE001 - counted and shown
                ok = type(exc).__name__
            with lock:
                if ok is True:
                    acknowledged.append((index, n))
                    latencies.append(time.monotonic() - began)
                else:
                    failures[ok] = failures.get(ok, 0) + 1
            n += 1
    workers = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return _summary(acknowledged, latencies, failures, time.monotonic() - started)


def _summary(acknowledged, latencies, failures, elapsed):
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else 0  # noqa: E731
    return {"rate": len(acknowledged) / elapsed, "p50": pick(0.5), "p99": pick(0.99),
            "failures": failures, "acknowledged": acknowledged}


def measure(port, clients, seconds, step):
    return _summary(*asyncio.run(_load(port, clients, seconds, step)))


def run_backend(backend, args, work_dir, log):
    data_dir = Path(work_dir) / backend
    data_dir.mkdir()
    store, env, stop = start_database(backend, data_dir / "db")
    server = hello = None
    results = []
    try:
        secret_key = secrets.token_hex(32)
        app = make_app(store, data_dir, secret_key)
        accounts = app.extensions["netzwerk.accounts"]
        accounts.create_user(MEMBER_EMAIL, "Bench Mitglied", "member", PASSWORD, created_by="bench")
        member, _ = accounts.authenticate(MEMBER_EMAIL, PASSWORD, "127.0.0.1")
        key = accounts.create_token(member, "bench")
        extra = dict(env, NETZWERK_REGISTRATION_ADDRESS_LIMIT="0", NETZWERK_REGISTRATION_EVENT_LIMIT="1000000000",
                     NETZWERK_REGISTRATION_WINDOW_SECONDS="1", NETZWERK_REGISTRATION_BATCH_ROWS=str(args.batch_rows))
        server = Server("netzwerk:create_app()", worker_env(extra, secret_key, data_dir, False),
                        data_dir / "gunicorn.log", args.workers, args.threads, args.worker_class).wait_ready("/healthz")
        hello = Server("bench.registration_bench:hello_app()", worker_env({}, "-", data_dir, False),
                       data_dir / "hello.log", args.workers, args.threads, args.worker_class).wait_ready("/")
        # warm-up, not counted: Neo4j plans and compiles the statement on its first runs (seconds
        # on a loaded machine), which would otherwise land in the first measured window
        make_event(store, f"bench-{backend}-warm")
        measure_alone(store, f"bench-{backend}-warm", "warm", 4, 2, args.batch_rows)
        for batch_rows, label in ((1, "alone 1/stmt"), (args.batch_rows, "alone batched")):
            if label == "alone 1/stmt" and args.batch_rows == 1:
                continue
            run = f"alone{batch_rows}"
            uid = f"bench-{backend}-{run}"
            make_event(store, uid)
            result = measure_alone(store, uid, run, ALONE_THREADS, args.seconds / 2, batch_rows)
            result["check"] = check(app, uid, run, result["acknowledged"])
            results.append(dict(backend=backend, path=label, clients=ALONE_THREADS, **result))
            log(f"{backend} {label}: {result['rate']:.0f}/s {result['check']} {result['failures']}")
        alone = results[-1]["rate"]
        for clients in args.clients:
            ceiling = measure(hello.port, clients, args.seconds, hello_step)
            results.append(dict(backend=backend, path="hello world", clients=clients, **ceiling, check=None))
            log(f"{backend} hello {clients}: {ceiling['rate']:.0f}/s")
            for path in args.paths:
                run = f"{path}{clients}"
                uid = f"bench-{backend}-{run}"
                make_event(store, uid)
                step = api_step(uid, key, run) if path == "api" else form_step(uid, run)
                # warm the workers (not counted) with as many clients as the run, so every worker
                # thread has its connections, and with addresses of their own: the warm-up's people
                # registering again in the measured run would be second attempts (a link resent)
                warm = api_step(uid, key, run + "w") if path == "api" else form_step(uid, run + "w")
                measure(server.port, clients, 1, warm)
                result = measure(server.port, clients, args.seconds, step)
                time.sleep(1)  # requests still queued when the clock stopped finish first
                result["check"] = check(app, uid, run, result["acknowledged"])
                result["rate_per_hello"] = result["rate"] / ceiling["rate"] if ceiling["rate"] else 0
                result["rate_per_alone"] = result["rate"] / alone if alone else 0
                results.append(dict(backend=backend, path=path, clients=clients, **result))
                log(f"{backend} {path} {clients}: {result['rate']:.0f}/s {result['check']} {result['failures']}")
    finally:
        for process in (server, hello):
            if process is not None:
                process.stop()
        stop()
    return results


def print_table(results):
    header = (f"{'backend':9}{'path':14}{'clients':>8}{'reg/s':>8}{'% hello':>8}{'% alone':>8}{'p50 ms':>8}{'p99 ms':>8}"
              f"{'ack':>7}{'stored':>7}{'conf.':>6}{'overb.':>7}{'lost':>5}{'count':>6}  failures")
    print(header)
    print("-" * len(header))
    for r in results:
        c = r["check"]
        share = f"{100 * r['rate_per_hello']:.0f}%" if "rate_per_hello" in r else ""
        share_alone = f"{100 * r['rate_per_alone']:.0f}%" if "rate_per_alone" in r else ""
        tail = (f"{len(r['acknowledged']):>7}{c['stored']:>7}{c['confirmed']:>6}{c['overbooked']:>7}{c['lost']:>5}"
                f"{'ok' if c['counter_ok'] and c['seq_ok'] else 'BAD':>6}") if c else f"{len(r['acknowledged']):>7}" + " " * 31
        failures = ", ".join(f"{k}: {v}" for k, v in sorted(r["failures"].items())) or "–"
        print(f"{r['backend']:9}{r['path']:14}{r['clients']:>8}{r['rate']:>8.0f}{share:>8}{share_alone:>8}{r['p50']:>8.1f}"
              f"{r['p99']:>8.1f}{tail}  {failures}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("both", "falkordb", "neo4j"), default="both")
    parser.add_argument("--clients", default="20,100,500", help="concurrent clients, comma-separated")
    parser.add_argument("--seconds", type=float, default=10, help="seconds of load per run (default 10)")
    parser.add_argument("--paths", default="api,form", help="api, form or both (default)")
    parser.add_argument("--max-minutes", type=float, default=30, help="the whole run ends after this")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"gunicorn workers (default {WORKERS})")
    parser.add_argument("--threads", type=int, default=THREADS, help=f"threads per worker (default {THREADS})")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (default gthread; "
                        "gevent needs the gevent package)")
    parser.add_argument("--batch-rows", type=int, default=64,
                        help="NETZWERK_REGISTRATION_BATCH_ROWS of the app (default 64; 1 = no group commit)")
    args = parser.parse_args(argv)
    args.clients = [int(c) for c in str(args.clients).split(",")]
    args.paths = [p for p in args.paths.split(",") if p in ("api", "form")]
    backends = ("falkordb", "neo4j") if args.backend == "both" else (args.backend,)
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        parser.error("gunicorn is missing: .venv/bin/pip install -e '.[production]'")

    def give_up(*_):
        raise TimeoutError(f"registration_bench: stopped after {args.max_minutes} minutes")
    signal.signal(signal.SIGALRM, give_up)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.alarm(int(args.max_minutes * 60))
    log = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    began, load_before = time.monotonic(), os.getloadavg()
    work_dir = tempfile.mkdtemp(prefix="nw-reg-bench-")
    results = []
    try:
        for backend in backends:
            if backend == "neo4j":
                from netzwerk.store.neo4j_embedded import java_executable, launcher_classpath
                if java_executable() is None or launcher_classpath() is None:
                    log("neo4j skipped: Java or the launcher (make neo4j) is missing")
                    continue
            results += run_backend(backend, args, work_dir, log)
    finally:
        signal.alarm(0)
        shutil.rmtree(work_dir, ignore_errors=True)
    load_after = os.getloadavg()
    print(f"registrations over HTTP: gunicorn {args.workers} {args.worker_class} workers x {args.threads} threads, 127.0.0.1; "
          f"Python asyncio client, keep-alive, one connection per client; {args.seconds:g} s per run; "
          f"event with {CAPACITY} places; FalkorDB embedded with appendfsync always; group commit of up to "
          f"{args.batch_rows} registrations per statement")
    print(f"alone = the registration service in the bench's own process from {ALONE_THREADS} threads, no HTTP "
          f"(1/stmt: one statement per registration; batched: the group commit); % alone = the HTTP rate as a "
          f"share of 'alone batched' measured in the same run")
    print(f"form = GET of the form + its POST (302); api = one POST (202); ack = acknowledged; "
          f"overb. = confirmed beyond the places; lost = acknowledged but not stored; count = counter and "
          f"sequence numbers agree with the registrations")
    print(f"{os.cpu_count()} CPUs shared by client, gunicorn and database; load average (1/5/15 min) "
          f"{'/'.join(f'{x:.1f}' for x in load_before)} before, {'/'.join(f'{x:.1f}' for x in load_after)} after; "
          f"run took {(time.monotonic() - began) / 60:.1f} min")
    print_table(results)


if __name__ == "__main__":
    main()
