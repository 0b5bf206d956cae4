"""A database that is down or slow: a clear 503 page, /healthz says so, nothing half-written."""
import pytest

from netzwerk import create_app
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.seeding import load_seed
from netzwerk.store import EmbeddedServer, StoreUnavailable

from ..conftest import PASSWORD, Browserless, csrf_token, open_test_store


@pytest.fixture
def own_server(tmp_path_factory):
    """A server of this test's own, so stopping it does not disturb the others."""
    server = EmbeddedServer(tmp_path_factory.mktemp("outage")).start()
    yield server
    server.stop()


@pytest.fixture
def outage_app(own_server, catalog, tmp_path):
    store = open_test_store(catalog, own_server.socket_path, graph="outage", query_timeout=1)
    app = create_app(TestConfig(tmp_path), store=store)
    app.extensions["netzwerk.accounts"].create_user("coord@example.org", "Koordination", "coordinator", PASSWORD)
    return app


def test_store_down_mid_session_gives_503_and_writes_nothing(outage_app, own_server):
    client = outage_app.test_client()
    auth = Browserless(client)
    assert auth.login("coord@example.org").status_code == 302
    token = csrf_token(client.get("/passwort").get_data(as_text=True))

    own_server.stop()
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

    own_server.start()
    assert client.get("/healthz").status_code == 200
    accounts = outage_app.extensions["netzwerk.accounts"]
    user, _ = accounts.authenticate("coord@example.org", PASSWORD, "10.0.0.1")
    assert user is not None, "the old password still works: the change was not half-applied"


def test_a_unit_of_work_against_a_dead_store_writes_nothing(outage_app, own_server):
    store = outage_app.extensions["netzwerk.store"]
    own_server.stop()
    with pytest.raises(StoreUnavailable):
        load_seed(store, PROJECT_ROOT / "seed", "2026-01-01T00:00:00")
    own_server.start()
    assert store.read_one("home/count_overview", now="2000-01-01")["actors"] == 0


def test_a_slow_store_gives_503_within_the_timeout(outage_app, own_server):
    client = outage_app.test_client()
    Browserless(client).login("coord@example.org")
    store = outage_app.extensions["netzwerk.store"]
    # pause every client of the server for longer than the socket timeout (query 1 s + 2 s)
    store.db.connection.execute_command("CLIENT", "PAUSE", "4000", "ALL")
    page = client.get("/")
    assert page.status_code == 503
    assert "Datenbank nicht erreichbar" in page.get_data(as_text=True)
