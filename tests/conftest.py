"""Fixtures: both databases per test session, a fresh graph per test, the app and its client.

Every test that touches the store runs twice, once per backend (`[falkordb]`, `[neo4j]`):
FalkorDB embedded, and Neo4j 5.26 community in the launcher of tools/neo4j over Bolt.
`--backend falkordb` (or `neo4j`) runs one half. Outside CI a machine without Java or the
built launcher skips the Neo4j half with one line saying how to get it; with CI=true that
is a failure, because `make test` builds the launcher there.
"""
import os
import re
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from netzwerk import create_app
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.store import EmbeddedServer, QueryCatalog
from netzwerk.store.falkordb_store import FalkorStore
from netzwerk.store.neo4j_embedded import EmbeddedNeo4j, java_executable, launcher_classpath
from netzwerk.store.neo4j_store import Neo4jStore

BACKENDS = ("falkordb", "neo4j")
# every query name each backend ran during the session (see pytest_sessionfinish)
EXECUTED_QUERIES = {backend: set() for backend in BACKENDS}
# the backends whose database started in this session
STARTED = set()


def pytest_addoption(parser):
    parser.addoption("--backend", choices=("both",) + BACKENDS, default="both",
                     help="run the store tests on one database only (default: both)")


def pytest_generate_tests(metafunc):
    if "database" in metafunc.fixturenames:
        chosen = metafunc.config.getoption("backend")
        backends = BACKENDS if chosen == "both" else (chosen,)
        metafunc.parametrize("database", backends, indirect=True, scope="session")


class Recording:
    """Mixed into the real stores: notes which catalog queries ran, per backend."""

    def _run(self, query, params):
        EXECUTED_QUERIES[self.backend].add(query.name)
        return super()._run(query, params)

    def _run_unit(self, queries):
        EXECUTED_QUERIES[self.backend].update(query.name for query, _ in queries)
        return super()._run_unit(queries)

    def _stream(self, query, params, page):
        EXECUTED_QUERIES[self.backend].add(query.name)
        return super()._stream(query, params, page)


class RecordingFalkorStore(Recording, FalkorStore):
    pass


class RecordingNeo4jStore(Recording, Neo4jStore):
    pass


class FalkorDatabase:
    """The session's embedded FalkorDB: every store gets a graph of its own."""

    backend = "falkordb"

    def __init__(self):
        # a short path: unix socket paths are limited to ~107 bytes
        self.data_dir = Path(tempfile.mkdtemp(prefix="nw-test-"))
        self.server = EmbeddedServer(self.data_dir).start()

    def open_store(self, catalog, graph=None, query_timeout=5):
        store = RecordingFalkorStore(catalog, graph=graph or f"test_{uuid.uuid4().hex[:12]}",
                                     unix_socket=self.server.socket_path,
                                     query_timeout=query_timeout, connect_timeout=2)
        store.apply_schema()
        return store

    open_empty_store = open_store

    def environment(self, store):
        """The NETZWERK_* settings that make a CLI command use this store."""
        return {"NETZWERK_DATABASE_URL": f"unix://{self.server.socket_path}",
                "NETZWERK_GRAPH_NAME": store.graph_name}

    def stop(self):
        self.server.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class Neo4jDatabase:
    """The session's Neo4j launcher. Community has one user database: tests share it and
    clear it before and after each test; the schema is applied once and stays."""

    backend = "neo4j"

    def __init__(self, catalog, data_dir=None):
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="nw-neo4j-"))
        self.server = EmbeddedNeo4j(self.data_dir).start()
        schema_store = self.open_store(catalog)
        schema_store.apply_schema()
        schema_store.close()

    def open_store(self, catalog, graph=None, query_timeout=5):
        return RecordingNeo4jStore(catalog, url=self.server.url, user="neo4j",
                                   password=self.server.password(), database="neo4j",
                                   query_timeout=query_timeout, connect_timeout=2)

    def open_empty_store(self, catalog, query_timeout=5):
        """The one database, emptied: a second instance cannot exist beside the first."""
        store = self.open_store(catalog, query_timeout=query_timeout)
        store.delete_graph()
        return store

    def environment(self, store):
        return {"NETZWERK_DATABASE_URL": self.server.url, "NETZWERK_NEO4J_USER": "neo4j",
                "NETZWERK_NEO4J_PASSWORD": self.server.password(), "NETZWERK_NEO4J_DATABASE": "neo4j"}

    def stop(self):
        self.server.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


def neo4j_missing():
    """Why the Neo4j half cannot run here, or None."""
    if java_executable() is None:
        return "Java fehlt (Java 17+ und Maven installieren, dann `make test`)"
    if launcher_classpath() is None:
        return "der Neo4j-Starter ist nicht gebaut (`make neo4j`, braucht Java 17+ und Maven)"
    return None


@pytest.fixture(scope="session")
def catalog():
    return QueryCatalog(PROJECT_ROOT / "queries")


@pytest.fixture(scope="session")
def falkordb_database():
    db = FalkorDatabase()
    STARTED.add(db.backend)
    yield db
    db.stop()


def require_neo4j(what="die Neo4j-Hälfte"):
    """Skips outside CI when Java or the launcher is missing; with CI=true that fails."""
    missing = neo4j_missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true, aber {what} kann nicht laufen: {missing}.")
        pytest.skip(f"{what} übersprungen: {missing}.")


@pytest.fixture(scope="session")
def neo4j_database(catalog):
    require_neo4j()
    db = Neo4jDatabase(catalog)
    STARTED.add(db.backend)
    yield db
    db.stop()


@pytest.fixture(scope="session")
def database(request):
    """The session's database of the backend this test runs on (see pytest_generate_tests)."""
    return request.getfixturevalue(f"{request.param}_database")


@pytest.fixture
def backend(database):
    return database.backend


def raw_rows(store, text):
    """Runs Cypher that is not in the catalog (test inspection only) on either backend."""
    if isinstance(store, FalkorStore):
        result = store.graph.query(text)
        columns = [column[1] for column in result.header]
        return [dict(zip(columns, row)) for row in result.result_set]
    return [record.data() for record in store.driver.execute_query(text, database_=store.database).records]


def raw_write(store, text):
    """Test-only Cypher that changes the graph: the read cache must learn of it as of any write
    (moves the counter it is keyed on, on either backend)."""
    rows = raw_rows(store, text)
    store.retire_stable_reads()
    return rows


def open_test_store(database, catalog, graph=None, query_timeout=5):
    return database.open_store(catalog, graph=graph, query_timeout=query_timeout)


@pytest.fixture
def store(catalog, database):
    """A store on an empty graph: tests never see each other's data."""
    store = database.open_empty_store(catalog)
    yield store
    store.delete_graph()
    store.close()


@pytest.fixture
def app(store, tmp_path):
    return create_app(TestConfig(tmp_path), store=store)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def accounts(app):
    return app.extensions["netzwerk.accounts"]


PASSWORD = "ein-sicheres-passwort"


@pytest.fixture
def users(accounts):
    """One account per role: {role: email}, all with PASSWORD."""
    created = {}
    for role in ("admin", "coordinator", "organiser", "member"):
        email = f"{role}@example.org"
        accounts.create_user(email, f"Test {role}", role, PASSWORD)
        created[role] = email
    return created


def csrf_token(html):
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


class Browserless:
    """Logs in and out through the real forms, CSRF token included."""

    def __init__(self, client):
        self.client = client

    def token(self, path="/anmelden"):
        return csrf_token(self.client.get(path).get_data(as_text=True))

    def login(self, email, password=PASSWORD, address="127.0.0.1"):
        return self.client.post("/anmelden", data={
            "csrf_token": self.token(), "email": email, "password": password},
            environ_base={"REMOTE_ADDR": address})

    def logout(self):
        token = self.token("/passwort")
        return self.client.post("/abmelden", data={"csrf_token": token})


@pytest.fixture
def auth(client):
    return Browserless(client)


def signed_in(app, email):
    """A new test client of the app, signed in through the login form as `email`."""
    client = app.test_client()
    Browserless(client).login(email)
    return client


def _whole_suite_selected(session):
    option = session.config.option
    return not option.keyword and not option.markexpr and not getattr(option, "lf", False) and \
        all(Path(a).resolve() == PROJECT_ROOT / "tests" for a in session.config.args or ["tests"])


def pytest_sessionfinish(session, exitstatus):
    """Every query of queries/ must have run at least once on each backend in a full run."""
    if exitstatus != 0 or not _whole_suite_selected(session) or session.testscollected == 0:
        return
    names = {query.name for query in QueryCatalog(PROJECT_ROOT / "queries")}
    writer = session.config.get_terminal_writer()
    for backend in sorted(STARTED):
        never = sorted(names - EXECUTED_QUERIES[backend])
        if never:
            writer.line(f"\nQueries that no test ran on {backend}:\n  " + "\n  ".join(never), red=True)
            session.exitstatus = 1
    for backend in sorted(set(BACKENDS) - STARTED):
        if session.config.getoption("backend") == "both":
            writer.line(f"\nKein Test lief auf {backend}: nur die andere Hälfte ist geprüft.", yellow=True)


@pytest.fixture
def seeded(store):
    """The demo data in this test's graph."""
    from netzwerk.seeding import load_seed
    load_seed(store, PROJECT_ROOT / "seed", "2026-01-01T00:00:00")
    return store


def post_form(client, url, data, token_from=None):
    """POSTs a form with a fresh CSRF token taken from `token_from` (default: the start page)."""
    page = client.get(token_from or "/")
    html = page.get_data(as_text=True)
    return client.post(url, data={"csrf_token": csrf_token(html), **data})
