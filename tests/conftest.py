"""Fixtures: one embedded FalkorDB per test session, a fresh graph per test, the app and its client."""
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

# every query name the store ran during the session (see pytest_sessionfinish)
EXECUTED_QUERIES = set()


class RecordingFalkorStore(FalkorStore):
    """The real FalkorDB store; it only notes which catalog queries ran."""

    def _run(self, query, params):
        EXECUTED_QUERIES.add(query.name)
        return super()._run(query, params)

    def _run_unit(self, queries):
        EXECUTED_QUERIES.update(query.name for query, _ in queries)
        return super()._run_unit(queries)


@pytest.fixture(scope="session")
def catalog():
    return QueryCatalog(PROJECT_ROOT / "queries")


@pytest.fixture(scope="session")
def embedded_server():
    # a short path: unix socket paths are limited to ~107 bytes
    data_dir = Path(tempfile.mkdtemp(prefix="nw-test-"))
    server = EmbeddedServer(data_dir).start()
    yield server
    server.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


def open_test_store(catalog, socket_path, graph=None, query_timeout=5):
    store = RecordingFalkorStore(catalog, graph=graph or f"test_{uuid.uuid4().hex[:12]}",
                                 unix_socket=socket_path, query_timeout=query_timeout,
                                 connect_timeout=2)
    store.apply_schema()
    return store


@pytest.fixture
def store(catalog, embedded_server):
    """A store on a graph of its own: tests never see each other's data."""
    store = open_test_store(catalog, embedded_server.socket_path)
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


def _whole_suite_selected(session):
    option = session.config.option
    return not option.keyword and not option.markexpr and not getattr(option, "lf", False) and \
        all(Path(a).resolve() == PROJECT_ROOT / "tests" for a in session.config.args or ["tests"])


def pytest_sessionfinish(session, exitstatus):
    """Every query of queries/ must have run on FalkorDB at least once in a full run."""
    if exitstatus != 0 or not _whole_suite_selected(session) or session.testscollected == 0:
        return
    names = {query.name for query in QueryCatalog(PROJECT_ROOT / "queries")}
    never = sorted(names - EXECUTED_QUERIES)
    if never:
        session.config.get_terminal_writer().line(
            "\nQueries that no test ran on the embedded FalkorDB:\n  " + "\n  ".join(never), red=True)
        session.exitstatus = 1


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
