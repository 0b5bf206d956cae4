"""A database that is down or slow: a clear 503 page, /healthz says so, nothing half-written.

Each test runs on both backends with a server of this module's own (so stopping it disturbs
no other test): an embedded FalkorDB, or a Neo4j launcher JVM. Tests stop, kill or freeze
it; the next test finds it running again with an empty graph.
"""
import os
import signal
import tempfile
import time

import pytest

from netzwerk import create_app
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.seeding import load_seed
from netzwerk.store import ConstraintViolation, EmbeddedServer, StoreUnavailable
from netzwerk.store.neo4j_embedded import EmbeddedNeo4j

from ..conftest import PASSWORD, Browserless, RecordingFalkorStore, RecordingNeo4jStore, csrf_token


class OwnFalkor:
    def __init__(self, data_dir):
        self.server = EmbeddedServer(data_dir).start()

    def open_store(self, catalog):
        store = RecordingFalkorStore(catalog, graph="outage", unix_socket=self.server.socket_path,
                                     query_timeout=1, connect_timeout=2)
        store.apply_schema()
        return store

    def restart(self):
        self.server.start()

    def stall(self, store, seconds):
        # every client paused for longer than the socket timeout (query 1 s + 2 s)
        store.db.connection.execute_command("CLIENT", "PAUSE", str(int(seconds * 1000)), "ALL")

    def stop(self):
        self.server.stop()

    kill = stop_for_good = stop

    def ensure_running(self):
        if not self.server.running:
            self.server.start()


class OwnNeo4j:
    def __init__(self, data_dir):
        self.server = EmbeddedNeo4j(data_dir).start()

    def open_store(self, catalog):
        store = RecordingNeo4jStore(catalog, url=self.server.url, user="neo4j",
                                    password=self.server.password(), database="neo4j",
                                    query_timeout=1, connect_timeout=2)
        store.apply_schema()
        return store

    def restart(self):
        self.server.start()

    def stall(self, store, seconds):
        # the whole JVM frozen: the driver must give up (Bolt's keep-alive hint), not hang
        pid = self.server.process.pid
        os.kill(pid, signal.SIGSTOP)
        self._resume_at = (pid, time.monotonic() + seconds)

    def resume(self):
        pid, _ = getattr(self, "_resume_at", (None, 0))
        if pid:
            os.kill(pid, signal.SIGCONT)
            self._resume_at = (None, 0)

    def stop(self):
        self.resume()
        self.server.stop()

    def kill(self):
        self.resume()
        self.server.kill()

    stop_for_good = stop

    def ensure_running(self):
        self.resume()
        if not self.server.running:
            self.server.start()


@pytest.fixture(scope="module")
def own_server(database, tmp_path_factory):
    if database.backend == "falkordb":
        own = OwnFalkor(tempfile.mkdtemp(prefix="nw-out-"))  # short: a unix socket lives there
    else:
        own = OwnNeo4j(tmp_path_factory.mktemp("outage"))
    yield own
    own.stop_for_good()


@pytest.fixture
def own_database(own_server):
    own_server.ensure_running()
    yield own_server
    own_server.ensure_running()


@pytest.fixture
def outage_app(own_database, catalog, tmp_path):
    store = own_database.open_store(catalog)
    store.delete_graph()
    if store.backend == "falkordb":
        store.apply_schema()
    app = create_app(TestConfig(tmp_path), store=store)
    app.extensions["netzwerk.accounts"].create_user("coord@example.org", "Koordination", "coordinator", PASSWORD)
    yield app
    store.close()


def test_store_down_mid_session_gives_503_and_writes_nothing(outage_app, own_database):
    client = outage_app.test_client()
    auth = Browserless(client)
    assert auth.login("coord@example.org").status_code == 302
    token = csrf_token(client.get("/passwort").get_data(as_text=True))

    own_database.stop()
    page = client.get("/")
    assert page.status_code == 503
    assert page.headers["Retry-After"] == "30"
    text = page.get_data(as_text=True)
    assert "Datenbank nicht erreichbar" in text and "Es wurde nichts gespeichert" in text
    assert "Traceback" not in text

    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["status"] == "unavailable"

    changed = client.post("/passwort", data={"csrf_token": token, "current": PASSWORD,
                                             "new": "ganz-neues-passwort", "confirm": "ganz-neues-passwort"})
    assert changed.status_code == 503
    text = changed.get_data(as_text=True)
    assert "nicht sicher" in text and "nichts gespeichert" not in text, \
        "a refused write never claims that nothing was saved: it cannot know"

    own_database.restart()
    assert client.get("/healthz").status_code == 200
    accounts = outage_app.extensions["netzwerk.accounts"]
    user, _ = accounts.authenticate("coord@example.org", PASSWORD, "10.0.0.1")
    assert user is not None, "the old password still works: the change was not half-applied"


def test_a_killed_database_gives_503_mid_request(outage_app, own_database):
    client = outage_app.test_client()
    Browserless(client).login("coord@example.org")
    own_database.kill()
    page = client.get("/akteure")
    assert page.status_code == 503
    assert "Datenbank nicht erreichbar" in page.get_data(as_text=True)


def test_a_unit_of_work_against_a_dead_store_writes_nothing(outage_app, own_database):
    store = outage_app.extensions["netzwerk.store"]
    own_database.stop()
    with pytest.raises(StoreUnavailable):
        load_seed(store, PROJECT_ROOT / "seed", "2026-01-01T00:00:00")
    own_database.restart()
    assert store.read_one("home/count_overview", now="2000-01-01")["actors"] == 0


def test_a_slow_store_gives_503_within_the_timeout(outage_app, own_database):
    client = outage_app.test_client()
    Browserless(client).login("coord@example.org")
    store = outage_app.extensions["netzwerk.store"]
    own_database.stall(store, 4)
    started = time.monotonic()
    try:
        page = client.get("/")
    finally:
        if hasattr(own_database, "resume"):
            own_database.resume()
    assert page.status_code == 503
    assert "Datenbank nicht erreichbar" in page.get_data(as_text=True)
    assert time.monotonic() - started < 30, "the request ends; it does not hang on the stalled server"


def test_a_duplicate_is_a_conflict_on_either_backend(outage_app):
    accounts = outage_app.extensions["netzwerk.accounts"]
    with pytest.raises(ConstraintViolation):
        accounts.create_user("coord@example.org", "Doppelt", "member", PASSWORD)
