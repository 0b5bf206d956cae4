"""Faults and durability (issue 11): the supervised embedded database, schema applied only where
something is missing, a trimmed or damaged append-only file reported, foreign or damaged data
directories refused untouched, and kill -9 during a stream of acknowledged writes.

The embedded server is FalkorDB's: those tests run on FalkorDB only. The schema check runs on
both engines.
"""
import glob
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest

from netzwerk import create_app
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.store import DataDirError, EmbeddedServer, EmbeddedStartError, QueryCatalog
from netzwerk.store.embedded import MARKER, check_data_dir, repair_aof
from netzwerk.store.falkordb_store import FalkorStore

from ..conftest import PASSWORD, Browserless, raw_rows
from ..registration_helpers import make_event


CREATED = []


def short_dir():
    # unix socket paths are limited to ~107 bytes: pytest's tmp paths are long
    CREATED.append(Path(tempfile.mkdtemp(prefix="nw-fault-")))
    return CREATED[-1]


@pytest.fixture(autouse=True, scope="module")
def _remove_directories():
    yield
    for directory in CREATED:
        for path in [directory, *directory.rglob("*")]:
            try:
                path.chmod(0o700)
            except OSError:
                pass
        shutil.rmtree(directory, ignore_errors=True)


def open_store(server, graph="g"):
    return FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph=graph, unix_socket=server.socket_path,
                       query_timeout=5, connect_timeout=2, server=server)


def aof_bytes(data_dir):
    return sum(os.path.getsize(f) for f in glob.glob(str(data_dir / "appendonlydir" / "*")))


def snapshot(directory):
    """Every file's bytes and mode under `directory` (what "overwrites nothing" compares)."""
    found = {}
    for path in sorted(Path(directory).rglob("*")):
        if path.is_file():
            found[str(path.relative_to(directory))] = (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                       path.stat().st_mode)
    return found


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def supervised():
    data_dir = short_dir()
    server = EmbeddedServer(data_dir)
    assert server.claim()
    server.start()
    server.supervise()
    yield server
    server.stop()


# --- schema: check first, write nothing when complete (both engines) -----------------------

def test_schema_applied_twice_writes_nothing_the_second_time(database, catalog):
    if database.backend == "neo4j":
        store = database.open_store(catalog)  # the session applied the schema once already
        ran = []
        execute = store.driver.execute_query

        def recording(query, *args, **kwargs):
            ran.append(str(query))
            return execute(query, *args, **kwargs)

        store.driver.execute_query = recording
        try:
            assert store.apply_schema() == []
            assert not [q for q in ran if q.lstrip().upper().startswith(("CREATE", "DROP"))], ran
            # one missing index is found and only it is created
            execute("DROP INDEX dismissed_introduction_user IF EXISTS", database_=store.database)
            ran.clear()
            applied = store.apply_schema()
            assert len(applied) == 1 and "dismissed_introduction_user" in applied[0]
            assert [q for q in ran if q.upper().startswith("CREATE")] == applied
            assert store.apply_schema() == []
        finally:
            store.close()
        return
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    try:
        store = open_store(server)
        everything = catalog.schema_statements("falkordb")
        assert store.apply_schema() == everything
        log_start = server.log_path.stat().st_size
        before = aof_bytes(data_dir)
        assert store.apply_schema() == []
        assert aof_bytes(data_dir) == before, "the append-only file grew: something was written"
        store.db.connection.close()
        server.stop()
        server.start()  # the load replays no schema statement a second time
        store = open_store(server)
        assert store.apply_schema() == []
        log_text = server.log_path.read_text()[log_start:]
        assert "already exists" not in log_text and "CRITICAL" not in log_text
        indexed, constraints = store.existing_schema()
        assert ("Term", "code") in indexed and ("UNIQUE", "Term", ("vocabulary", "code")) in constraints
    finally:
        server.stop()


# --- supervision (FalkorDB: the embedded server) -------------------------------------------

def test_a_killed_database_is_restarted_and_pages_recover(supervised, tmp_path, caplog):
    store = open_store(supervised)
    store.apply_schema()
    app = create_app(TestConfig(tmp_path), store=store)
    app.extensions["netzwerk.accounts"].create_user("coord@example.org", "Koordination", "coordinator", PASSWORD)
    client = app.test_client()
    assert Browserless(client).login("coord@example.org").status_code == 302
    assert client.get("/healthz").get_json()["status"] == "ok"

    old_pid = supervised.process.pid
    with caplog.at_level(logging.WARNING, logger="netzwerk.database"):
        supervised.kill_supervised()
        assert wait_for(lambda: supervised.read_state()["state"] == "restarting", 5)
        health = client.get("/healthz")
        if health.status_code == 503:  # unless the restart already finished (it takes ~0.7 s)
            assert health.get_json()["database"] == "restarting"
            assert health.headers["Retry-After"] == "5"
        assert wait_for(lambda: client.get("/healthz").status_code == 200)
        assert wait_for(lambda: supervised.read_state()["state"] == "running", 5)
    assert supervised.process.pid != old_pid
    lines = [r.getMessage() for r in caplog.records]
    assert any("Signal 9" in line and "Neustart in 0.5 s" in line and "falkordb.log" in line for line in lines)
    assert any("läuft wieder" in line for line in lines)
    # the same app and connection pool: pages work again without restarting the app
    assert client.get("/akteure").status_code == 200


def test_the_503_page_says_restarting_only_while_it_is_true(supervised, tmp_path):
    store = open_store(supervised)
    store.apply_schema()
    app = create_app(TestConfig(tmp_path), store=store)
    app.extensions["netzwerk.accounts"].create_user("coord@example.org", "Koordination", "coordinator", PASSWORD)
    client = app.test_client()
    assert Browserless(client).login("coord@example.org").status_code == 302
    supervised._stopping.set()  # no supervisor: the database stays down
    supervised._supervisor = None
    supervised.kill()
    supervised._set_state("down", reason="test")
    page = client.get("/akteure")
    text = page.get_data(as_text=True)
    assert page.status_code == 503 and "Es wurde nichts gespeichert" in text
    assert "in einer Minute" not in text and "neu gestartet" not in text
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["database"] == "down"

    supervised._set_state("restarting", reason="test")
    text = client.get("/akteure").get_data(as_text=True)
    assert "wird gerade neu gestartet" in text
    assert client.get("/healthz").get_json()["database"] == "restarting"


def test_restarts_back_off_and_say_down_when_they_keep_failing(supervised, monkeypatch):
    from netzwerk.store import embedded
    monkeypatch.setattr(embedded, "BACKOFF_START", 0.05)
    monkeypatch.setattr(embedded, "DOWN_AFTER_FAILURES", 2)
    calls = []

    def failing_start(timeout=300.0):
        calls.append(time.monotonic())
        raise EmbeddedStartError("kaputt")

    # stop the supervisor of the fixture and watch a fresh one whose restarts fail
    supervised._stopping.set()
    supervised.kill()
    supervised._supervisor.join(5)
    supervised._supervisor = None
    monkeypatch.setattr(supervised, "start", failing_start)
    delays, set_state = [], supervised._set_state

    def recording(state, **details):
        if "retry_in" in details:
            delays.append(details["retry_in"])
        set_state(state, **details)

    monkeypatch.setattr(supervised, "_set_state", recording)
    supervised.supervise()
    assert wait_for(lambda: supervised.read_state()["state"] == "down" and len(calls) >= 4, 10)
    state = supervised.read_state()
    assert state["reason"] == "kaputt" and state["attempt"] >= 3
    # the delays the supervisor chose (timings would be noise on a loaded machine)
    assert delays[:4] == [0.05, 0.1, 0.2, 0.4], delays


def test_a_second_process_attaches_and_takes_over_when_the_supervisor_ends(supervised):
    follower = EmbeddedServer(supervised.data_dir)
    assert not follower.claim(), "one supervisor per data directory"
    follower.follow(interval=0.1)
    try:
        supervised.stop()  # the supervising process ends; its server with it
        assert wait_for(lambda: follower.read_state()["state"] == "running", 20)
        assert follower.answering()
    finally:
        follower.stop()


# --- a trimmed or damaged append-only file --------------------------------------------------

def _write_and_kill(server, count=5):
    store = open_store(server)
    for i in range(count):
        store.write("auth/record_login_failure", keys=[f"k{i}"], now=1, since=0)
    store.db.connection.close()
    server.kill()
    return sorted(glob.glob(str(server.data_dir / "appendonlydir" / "*.incr.aof")))[-1]


def test_a_trimmed_append_only_file_is_reported(tmp_path, caplog):
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    incr = _write_and_kill(server)
    os.truncate(incr, os.path.getsize(incr) - 7)  # a write cut off in the middle
    with caplog.at_level(logging.ERROR, logger="netzwerk.database"):
        server = EmbeddedServer(data_dir).start()
    try:
        assert server.notices and "abgeschnitten" in server.notices[0]
        assert "letzte(n) Änderung(en)" in server.notices[0] and Path(incr).name in server.notices[0]
        assert any("abgeschnitten" in r.getMessage() for r in caplog.records)
        store = open_store(server)
        app = create_app(TestConfig(tmp_path), store=store)
        health = app.test_client().get("/healthz").get_json()
        assert health["status"] == "ok" and "abgeschnitten" in health["notices"][0]
    finally:
        server.stop()


def test_a_damaged_append_only_file_names_the_repair_and_repair_backs_up_first():
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    incr = Path(_write_and_kill(server))
    damaged = bytearray(incr.read_bytes())
    at = damaged.index(b"*", len(damaged) // 2)
    damaged[at:at + 1] = b"?"  # not a command any more: redis refuses the file
    incr.write_bytes(bytes(damaged))
    before = snapshot(data_dir / "appendonlydir")
    with pytest.raises(EmbeddedStartError) as error:
        EmbeddedServer(data_dir).start(timeout=20)
    message = str(error.value)
    assert "beschädigt" in message and "netzwerk repair" in message
    assert snapshot(data_dir / "appendonlydir") == before, "a failed start changed the files"

    report = repair_aof(data_dir)
    backup = Path(report["backup"])
    assert backup.is_dir() and backup.parent == data_dir / "aof-backups"
    assert (backup / incr.name).read_bytes() == bytes(damaged)
    assert oct((backup / incr.name).stat().st_mode & 0o777) == "0o600"
    assert report["repaired"]
    server = EmbeddedServer(data_dir).start(timeout=20)
    try:
        rows = open_store(server).read("auth/count_login_failures", keys=["k0"], since=0)
        assert rows == [{"key": "k0", "failures": 1}], "the writes before the damage are kept"
    finally:
        server.stop()


# --- damaged or foreign data directories ----------------------------------------------------

def _refused(data_dir, *expected):
    before = snapshot(data_dir)
    names = sorted(os.listdir(data_dir))
    with pytest.raises(DataDirError) as error:
        EmbeddedServer(data_dir).start(timeout=10)
    for text in expected:
        assert text in str(error.value)
    assert "nichts verändert" in str(error.value)
    assert snapshot(data_dir) == before and sorted(os.listdir(data_dir)) == names
    return str(error.value)


def test_a_foreign_redis_dump_is_refused_untouched():
    data_dir = short_dir()
    (data_dir / "dump.rdb").write_bytes(b"REDIS0011\xfa\x09redis-ver\x057.2.4" + os.urandom(64))
    _refused(data_dir, "anderen Programms", "dump.rdb")


def test_a_neo4j_directory_is_refused_untouched():
    data_dir = short_dir()
    (data_dir / "databases" / "neo4j").mkdir(parents=True)
    (data_dir / "databases" / "neo4j" / "neostore").write_bytes(os.urandom(128))
    (data_dir / "transactions").mkdir()
    _refused(data_dir, "Neo4j", "kein Datenverzeichnis von netzwerk")


def test_other_files_are_refused_untouched_and_the_app_does_not_start(monkeypatch):
    data_dir = short_dir()
    (data_dir / "Steuererklärung.pdf").write_bytes(os.urandom(256))
    _refused(data_dir, "Steuererklärung.pdf")
    monkeypatch.setenv("NETZWERK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("NETZWERK_DATABASE_URL", "embedded")
    from netzwerk.config import Config
    before = snapshot(data_dir)
    with pytest.raises(DataDirError):
        create_app(Config())
    assert snapshot(data_dir) == before and not (data_dir / "secret_key").exists()


@pytest.mark.skipif(os.getuid() == 0, reason="root reads every file whatever its mode")
def test_an_unreadable_append_only_file_is_refused_untouched():
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    server.stop()
    incr = sorted((data_dir / "appendonlydir").glob("*.incr.aof"))[-1]
    incr.chmod(0o200)
    _refused(data_dir, "nicht lesen oder schreiben", incr.name)


def test_a_file_the_user_may_not_read_is_refused_untouched_even_for_root(monkeypatch):
    """The same refusal as above where the suite runs as root: os.access answers as for a user
    without rights to the append-only file."""
    from netzwerk.store import embedded
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    server.stop()
    incr = sorted((data_dir / "appendonlydir").glob("*.incr.aof"))[-1]
    real_access = os.access
    monkeypatch.setattr(embedded.os, "access",
                        lambda path, mode: False if Path(path) == incr else real_access(path, mode))
    _refused(data_dir, "nicht lesen oder schreiben", incr.name)


def test_a_damaged_manifest_is_refused_and_left_as_it_was():
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    server.stop()
    manifest = data_dir / "appendonlydir" / "appendonly.aof.manifest"
    manifest.write_bytes(b"\x00garbage that is no manifest\n")
    before = snapshot(data_dir / "appendonlydir")
    with pytest.raises(EmbeddedStartError) as error:
        EmbeddedServer(data_dir).start(timeout=10)
    assert "appendonly.aof.manifest) ist beschädigt" in str(error.value)
    assert snapshot(data_dir / "appendonlydir") == before


def test_a_damaged_snapshot_is_refused_and_left_as_it_was():
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    server.stop()
    base = next((data_dir / "appendonlydir").glob("*.base.rdb"))
    damaged = bytearray(base.read_bytes())
    damaged[30:40] = b"\xff" * 10
    base.write_bytes(bytes(damaged))
    before = snapshot(data_dir)
    with pytest.raises(EmbeddedStartError) as error:
        EmbeddedServer(data_dir).start(timeout=10)
    assert "Schnappschuss-Datei (RDB" in str(error.value) and "nichts überschrieben" in str(error.value)
    after = snapshot(data_dir)
    assert {k: v for k, v in after.items() if k != "falkordb.log"} == \
        {k: v for k, v in before.items() if k != "falkordb.log"}


def test_a_new_directory_is_marked_and_an_old_one_of_ours_adopted():
    fresh = short_dir() / "neu"
    check_data_dir(fresh)
    assert (fresh / MARKER).exists() and oct(fresh.stat().st_mode & 0o777) == "0o700"
    older = short_dir()
    (older / "secret_key").write_text("x")
    (older / "falkordb.log").write_text("")
    check_data_dir(older)
    assert (older / MARKER).exists()


# --- kill -9 during a stream of acknowledged writes -----------------------------------------

def kill_during_writes(server, store, app, writers=4, seconds=1.5, kill_after=0.6):
    """Writers create register entries and public registrations until `seconds` have passed;
    the database gets SIGKILL after `kill_after`. Returns (acknowledged, failed, restart_s)."""
    from netzwerk.register.model import KINDS
    register = app.extensions["netzwerk.register"]
    registrations = app.extensions["netzwerk.registrations"]
    event = make_event(store, uid=f"ev-{uuid.uuid4().hex[:6]}", capacity=100000,
                       registration_closes="2099-01-01T00:00")
    acknowledged, failed, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + seconds

    def writer(number):
        i = 0
        while time.monotonic() < stop_at:
            i += 1
            name = f"Writer {number}-{i} {uuid.uuid4().hex[:6]}"
            try:
                if i % 2:
                    uid = register.create(KINDS["actors"], {"name": name, "kind": "initiative"}, by="test")
                    done = ("actor", uid)
                else:
                    with app.test_request_context():
                        outcome = registrations.register(
                            event, name=name, email=f"w{number}-{i}-{uuid.uuid4().hex[:6]}@example.org",
                            answers={}, language="de", form_token=uuid.uuid4().hex,
                            link_for=lambda token: f"https://example.org/{token}")
                    done = ("registration", outcome.uid)
            except Exception as exc:  # a write refused while the database is down
                with lock:
                    failed.append(type(exc).__name__)
                time.sleep(0.02)
                continue
            with lock:
                acknowledged.append(done)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    time.sleep(kill_after)
    killed_at = time.monotonic()
    server.kill_supervised()
    assert wait_for(lambda: server.read_state()["state"] == "restarting", 5)
    assert wait_for(lambda: server.read_state()["state"] == "running", 30)
    restart = time.monotonic() - killed_at
    for thread in threads:
        thread.join()
    return acknowledged, failed, restart


def test_kill_9_during_acknowledged_writes_loses_none(supervised, tmp_path):
    store = open_store(supervised)
    store.apply_schema()
    app = create_app(TestConfig(tmp_path), store=store)
    acknowledged, failed, restart = kill_during_writes(supervised, store, app)
    assert len(acknowledged) > 20, "the writers got nothing done before the kill"
    uids = [uid for _, uid in acknowledged]
    present = {row["uid"] for row in raw_rows(store, f"MATCH (n) WHERE n.uid IN {uids!r} RETURN n.uid AS uid")}
    lost = [item for item in acknowledged if item[1] not in present]
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged writes lost after kill -9"
    assert restart < 30


def test_the_repair_command_checks_backs_up_and_repairs(monkeypatch):
    from click.testing import CliRunner

    from netzwerk.cli import main
    data_dir = short_dir()
    server = EmbeddedServer(data_dir).start()
    incr = Path(_write_and_kill(server))
    monkeypatch.setenv("NETZWERK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("NETZWERK_DATABASE_URL", "embedded")
    runner = CliRunner()
    assert runner.invoke(main, ["repair", "--check"]).exit_code == 0
    damaged = bytearray(incr.read_bytes())
    at = damaged.index(b"*", len(damaged) // 2)
    damaged[at:at + 1] = b"?"
    incr.write_bytes(bytes(damaged))
    checked = runner.invoke(main, ["repair", "--check"])
    assert checked.exit_code == 1 and "netzwerk repair" in checked.output
    assert not (data_dir / "aof-backups").exists(), "--check changes nothing"
    repaired = runner.invoke(main, ["repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "Sicherung der Append-only-Dateien" in repaired.output and "Repariert" in repaired.output
    assert runner.invoke(main, ["repair", "--check"]).exit_code == 0


def test_repair_refuses_while_the_database_runs(monkeypatch):
    data_dir = short_dir()
    server = EmbeddedServer(data_dir)
    server.claim()
    server.start()
    try:
        with pytest.raises(EmbeddedStartError, match="läuft noch"):
            repair_aof(data_dir)
        assert not (data_dir / "aof-backups").exists()
    finally:
        server.stop()


def test_netzwerk_run_restarts_its_killed_database_without_restarting_the_app():
    """The real command: the database child gets SIGKILL, the app (same process) starts it again
    and answers; Ctrl-C still leaves nothing behind."""
    import json
    import signal as signals
    import urllib.error
    import urllib.request

    from .test_run_command import free_port, redis_children, start, stop_with_ctrl_c, wait_healthy
    data_dir = short_dir()
    port = free_port()
    process = start(data_dir, port)
    try:
        wait_healthy(process, port)
        app_pid = process.pid
        old = int((data_dir / "falkordb.pid").read_text())
        os.kill(old, signals.SIGKILL)
        seen = set()

        def healthy():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    return response.status == 200
            except urllib.error.HTTPError as error:
                seen.add(json.loads(error.read())["database"])
                return False
            except OSError:
                return False

        assert wait_for(healthy, 30)
        assert seen <= {"restarting"}, seen
        assert process.pid == app_pid and process.poll() is None
        assert wait_for(lambda: json.loads((data_dir / "falkordb.state").read_text())["state"] == "running")
        time.sleep(0.5)  # the supervisor logs "läuft wieder" just after
        new = int((data_dir / "falkordb.pid").read_text())
        assert new != old and redis_children(data_dir) == [new]
    finally:
        output = stop_with_ctrl_c(process)
    assert "ist beendet worden (Signal 9)" in output and "läuft wieder" in output, output
    assert redis_children(data_dir) == []


def test_under_gunicorn_one_worker_supervises_and_another_takes_over():
    """Several worker processes on one data directory: one supervises, the others attach and
    report its state; when the supervising worker is killed, another one takes over."""
    import json
    import signal as signals
    import subprocess
    import sys
    import urllib.error
    import urllib.request

    from .test_run_command import free_port, redis_children
    data_dir = short_dir()
    port = free_port()
    env = {**os.environ, "NETZWERK_DATA_DIR": str(data_dir), "NETZWERK_DATABASE_URL": "embedded"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--chdir", str(PROJECT_ROOT), "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning", "netzwerk:create_app()"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    answers = []

    def health():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as response:
                answers.append("ok")
                return True
        except urllib.error.HTTPError as error:
            answers.append(json.loads(error.read())["database"])
        except OSError:
            pass
        return False

    try:
        assert wait_for(health, 60)
        for victim in ("database", "its worker"):  # then the worker that supervises it
            answers.clear()
            pid = int((data_dir / "falkordb.pid").read_text())
            if victim == "its worker":
                pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])  # the parent
            os.kill(pid, signals.SIGKILL)
            time.sleep(0.1)
            assert wait_for(lambda: health() and json.loads((data_dir / "falkordb.state").read_text())["state"]
                            == "running", 30)
            assert set(answers) <= {"ok", "restarting"}, answers
            assert len(redis_children(data_dir)) == 1
    finally:
        os.killpg(server.pid, signals.SIGTERM)
        server.wait(30)
    assert wait_for(lambda: redis_children(data_dir) == [], 10)
