"""The embedded server's life: start, stop, start again; crashes; clear errors."""
import os
import signal
import subprocess
import sys
import time

import pytest

from netzwerk.store import EmbeddedServer, EmbeddedStartError, QueryCatalog
from netzwerk.store.embedded import _ping
from netzwerk.config import PROJECT_ROOT
from netzwerk.store.falkordb_store import FalkorStore


def short_dir(tmp_path_factory):
    # tmp paths can be long; the server then puts its socket in the temp directory
    return tmp_path_factory.mktemp("emb")


def connect(server, graph="g"):
    return FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph=graph,
                       unix_socket=server.socket_path, query_timeout=5, connect_timeout=2)


def test_start_stop_start_again_keeps_the_data(tmp_path_factory):
    data_dir = short_dir(tmp_path_factory)
    server = EmbeddedServer(data_dir).start()
    store = connect(server)
    store.write("auth/record_login_failure", keys=["kept"], now=1, since=0)
    store.close()
    server.stop()
    assert not server.socket_path.exists(), "the socket is removed on stop"
    assert not (data_dir / "falkordb.pid").exists()

    server = EmbeddedServer(data_dir).start()
    store = connect(server)
    assert store.read("auth/count_login_failures", keys=["kept"], since=0) == [{"key": "kept", "failures": 1}]
    store.close()
    server.stop()
    server.stop()  # stopping twice is harmless


def test_kill_9_leaves_a_stale_socket_that_the_next_start_clears(tmp_path_factory):
    data_dir = short_dir(tmp_path_factory)
    server = EmbeddedServer(data_dir).start()
    store = connect(server)
    store.write("auth/record_login_failure", keys=["durable"], now=1, since=0)
    time.sleep(1.5)  # appendfsync everysec: the write reaches the disk within a second
    server.kill()
    assert server.socket_path.exists() and not _ping(server.socket_path)

    again = EmbeddedServer(data_dir).start()
    store = connect(again)
    assert store.read("auth/count_login_failures", keys=["durable"], since=0) == [
        {"key": "durable", "failures": 1}]
    store.close()
    again.stop()


def _district_rows(batch, size=50):
    import uuid
    return [{"uid": str(uuid.uuid4()), "props": {"name": f"Quartier {batch}-{i}", "type": "Quartier"},
             "change_uid": str(uuid.uuid4()), "action": "create", "changed": [], "part_of": []}
            for i in range(size)]


@pytest.mark.parametrize("as_units", [False, True], ids=["writes", "units"])
def test_a_crash_after_a_big_import_restarts_in_seconds(tmp_path_factory, as_units):
    """Replaying graph writes from the append-only file as queries is slow (400 imports of 50
    rows took 96 s), and a command that knocks while FalkorDB replays a MULTI/EXEC block crashed
    the server. So writes are logged as their effects (0.5 s for the same file), and start()
    sends nothing before the server has loaded."""
    data_dir = short_dir(tmp_path_factory)
    server = EmbeddedServer(data_dir).start()
    store = connect(server)
    assert store.db.connection.execute_command("GRAPH.CONFIG", "GET", "EFFECTS_THRESHOLD")[1] == 0
    for batch in range(100):
        params = dict(rows=_district_rows(batch), now="2026-11-23T00:00:00", by="test")
        if as_units:
            store.write_unit([("import/import_districts", params)])
        else:
            store.write("import/import_districts", **params)
    time.sleep(1.5)  # appendfsync everysec
    store.close()
    server.kill()

    started = time.monotonic()
    again = EmbeddedServer(data_dir).start(timeout=30)
    took = time.monotonic() - started
    store = connect(again)
    assert took < 30
    counts = {row["label"]: row["nodes"] for row in store.read("graph/count_nodes_by_label")}
    assert counts["District"] == 5_000
    store.close()
    again.stop()


def test_a_second_server_on_the_same_directory_is_refused(tmp_path_factory):
    data_dir = short_dir(tmp_path_factory)
    first = EmbeddedServer(data_dir).start()
    try:
        assert EmbeddedServer(data_dir).answering()
        with pytest.raises(EmbeddedStartError, match="bereits"):
            EmbeddedServer(data_dir).start()
    finally:
        first.stop()


def test_a_server_that_dies_at_start_says_why(tmp_path_factory):
    data_dir = short_dir(tmp_path_factory)
    # a corrupt append-only manifest makes redis refuse to start
    (data_dir / "appendonlydir").mkdir()
    (data_dir / "appendonlydir" / "appendonly.aof.manifest").write_text("garbage\n")
    with pytest.raises(EmbeddedStartError) as error:
        EmbeddedServer(data_dir).start(timeout=15)
    message = str(error.value)
    assert "beim Start beendet" in message and "falkordb.log" in message
    assert not (data_dir / "falkordb.pid").exists()


def test_long_data_directories_get_a_short_socket(tmp_path):
    deep = tmp_path / ("x" * 60) / ("y" * 60)
    server = EmbeddedServer(deep)
    assert len(str(server.socket_path)) <= 100


def test_the_server_dies_with_its_parent(tmp_path_factory):
    """If the app is killed hard, the kernel ends the database too: no orphan."""
    data_dir = short_dir(tmp_path_factory)
    script = (
        "import sys, time\n"
        "from netzwerk.store import EmbeddedServer\n"
        f"s = EmbeddedServer({str(data_dir)!r}).start()\n"
        "print(s.process.pid, flush=True)\n"
        "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(child_pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(child_pid, signal.SIGKILL)
        pytest.fail("redis-server outlived its killed parent")
    assert EmbeddedServer(data_dir).start().stop() is None  # and the next start works
