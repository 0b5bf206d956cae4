"""The Neo4j launcher's life (tools/neo4j): password, port, locks, stop, crash, orphan-free."""
import os
import signal
import socket
import subprocess
import sys
import time

import neo4j
import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.store import EmbeddedStartError, QueryCatalog
from netzwerk.store.neo4j_embedded import EmbeddedNeo4j, java_executable, launcher_classpath
from netzwerk.store.neo4j_store import Neo4jStore

from ..conftest import require_neo4j


@pytest.fixture(autouse=True, scope="module")
def launcher_built():
    require_neo4j("der Neo4j-Starter")


def connect(server):
    return Neo4jStore(QueryCatalog(PROJECT_ROOT / "queries"), url=server.url, user="neo4j",
                      password=server.password(), database="neo4j", query_timeout=5, connect_timeout=2)


def launch_directly(data_dir, port, password="ein-passwort-123"):
    """The Java launcher without the Python wrapper, to see its own messages and exit codes."""
    env = {**os.environ, "NEO4J_LAUNCHER_PASSWORD": password} if password else {
        k: v for k, v in os.environ.items() if k != "NEO4J_LAUNCHER_PASSWORD"}
    return subprocess.run([java_executable(), "-Xmx256m", "-cp", launcher_classpath(),
                           "netzwerk.Neo4jLauncher", str(data_dir), str(port)],
                          env=env, capture_output=True, text=True, timeout=120)


def jvm_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped) counts as gone
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


def wait_gone(pid, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not jvm_alive(pid):
            return True
        time.sleep(0.1)
    return False


def test_password_port_auth_stop_and_restart(tmp_path):
    server = EmbeddedNeo4j(tmp_path / "data").start()
    assert oct(server.password_path.stat().st_mode & 0o777) == "0o600"
    assert oct(server.data_dir.stat().st_mode & 0o777) == "0o700"
    assert len(server.password()) >= 24, "a generated password, never a default"
    store = connect(server)
    store.write("auth/record_login_failure", keys=["kept"], now=1, since=0)
    store.close()
    with pytest.raises(neo4j.exceptions.AuthError):
        with neo4j.GraphDatabase.driver(server.url, auth=("neo4j", "neo4j")) as wrong:
            wrong.verify_connectivity()

    pid, port = server.process.pid, server.port
    server.stop()
    assert not jvm_alive(pid) and not server.pid_path.exists() and not server.port_path.exists()

    again = EmbeddedNeo4j(tmp_path / "data").start()
    try:
        store = connect(again)
        assert store.read("auth/count_login_failures", keys=["kept"], since=0) == [{"key": "kept", "failures": 1}]
        store.close()
    finally:
        again.stop()
    assert port > 0


def test_kill_9_leaves_no_stale_lock(tmp_path):
    server = EmbeddedNeo4j(tmp_path).start()
    store = connect(server)
    store.write("auth/record_login_failure", keys=["durable"], now=1, since=0)
    store.close()
    server.kill()  # no shutdown, no checkpoint: the store lock is a file lock, gone with the process
    again = EmbeddedNeo4j(tmp_path).start()
    try:
        store = connect(again)
        assert store.read("auth/count_login_failures", keys=["durable"], since=0) == [
            {"key": "durable", "failures": 1}], "a committed write survives kill -9"
        store.close()
    finally:
        again.stop()


def test_a_second_launcher_on_the_same_directory_is_refused(tmp_path):
    first = EmbeddedNeo4j(tmp_path).start()
    try:
        assert EmbeddedNeo4j(tmp_path).answering()
        with pytest.raises(EmbeddedStartError, match="bereits"):
            EmbeddedNeo4j(tmp_path).start()
        # and the launcher itself, past the wrapper's pid check, names the lock
        direct = launch_directly(first.db_dir, 0)
        assert direct.returncode == 4, direct.stderr
        assert "wird von einem anderen Neo4j-Prozess benutzt" in direct.stderr
    finally:
        first.stop()


def test_a_taken_port_and_a_missing_password_are_explained(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = launch_directly(tmp_path / "p", port)
    assert result.returncode == 3 and f"Port {port}" in result.stderr and "belegt" in result.stderr
    result = launch_directly(tmp_path / "q", 0, password=None)
    assert result.returncode == 2 and "NEO4J_LAUNCHER_PASSWORD" in result.stderr


def test_the_jvm_dies_with_its_parent(tmp_path):
    """If the app is killed hard, Neo4j stops too: no orphan JVM, and the next start works."""
    script = (
        "import time\n"
        "from netzwerk.store.neo4j_embedded import EmbeddedNeo4j\n"
        f"s = EmbeddedNeo4j({str(tmp_path)!r}).start()\n"
        "print(s.process.pid, flush=True)\n"
        "time.sleep(120)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    if not wait_gone(child_pid, 30):
        os.kill(child_pid, signal.SIGKILL)
        pytest.fail("the Neo4j JVM outlived its killed parent")
    again = EmbeddedNeo4j(tmp_path).start()
    again.stop()


def test_the_pom_and_the_compose_file_name_the_same_neo4j():
    pom = (PROJECT_ROOT / "tools" / "neo4j" / "pom.xml").read_text()
    compose = (PROJECT_ROOT / "docker-compose.yml").read_text()
    version = pom.split("<neo4j.version>")[1].split("</neo4j.version>")[0]
    assert version.startswith("5.26."), "Neo4j 5 LTS"
    assert f"image: neo4j:{version}-community" in compose
