"""`netzwerk run --demo`: serves the app with demo data; Ctrl-C stops the app AND the database."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from netzwerk.store.embedded import _ping

NETZWERK = str(Path(sys.executable).parent / "netzwerk")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(data_dir, port, database_url=None):
    env = {**os.environ, "NETZWERK_DATA_DIR": str(data_dir)}
    env.pop("NETZWERK_DATABASE_URL", None)
    if database_url:
        env["NETZWERK_DATABASE_URL"] = database_url
    # Ctrl-C as in a terminal: a suite started in the background (`make test &`) ignores SIGINT,
    # and a child would inherit that and never stop
    return subprocess.Popen([NETZWERK, "run", "--demo", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_healthy(process, port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("netzwerk run ended early:\n" + process.stdout.read())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail("netzwerk run did not become healthy:\n" + process.stdout.read())


def redis_children(data_dir):
    out = subprocess.run(["pgrep", "-f", f"redis-server.*{data_dir}"], capture_output=True, text=True)
    return [int(pid) for pid in out.stdout.split()]


def stop_with_ctrl_c(process, timeout=60):
    process.send_signal(signal.SIGINT)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # never leave the app (and through it its database) running after a failed test
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"netzwerk run did not stop within {timeout} s of Ctrl-C:\n{output}")
    return output


def test_run_serves_demo_data_and_ctrl_c_leaves_nothing_behind(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("run")
    port = free_port()
    process = start(data_dir, port)
    wait_healthy(process, port)
    assert redis_children(data_dir), "the embedded database runs while the app runs"
    output = stop_with_ctrl_c(process)

    assert "Demodaten geladen" in output
    assert "admin@netzwerk.demo" in output and "netzwerk-demo-2016" in output
    assert "http://127.0.0.1:%d/" % port in output
    assert redis_children(data_dir) == [], "no orphan redis-server after Ctrl-C"
    assert not (data_dir / "falkordb.sock").exists() or not _ping(data_dir / "falkordb.sock")
    assert (data_dir / "secret_key").exists(), "a local secret key lives in the data directory"

    # start again on the same directory: no stale socket blocks it, the data is still there
    process = start(data_dir, port)
    wait_healthy(process, port)
    output = stop_with_ctrl_c(process)
    assert "schon Akteure" in output, "the second start does not load the demo data again"
    assert redis_children(data_dir) == []


def test_a_killed_app_takes_its_database_with_it(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("kill")
    port = free_port()
    process = start(data_dir, port)
    wait_healthy(process, port)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while redis_children(data_dir) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert redis_children(data_dir) == []
    process = start(data_dir, port)  # the stale socket and pid file do not block the next start
    wait_healthy(process, port)
    stop_with_ctrl_c(process)


def launcher_jvms(data_dir):
    out = subprocess.run(["pgrep", "-f", f"Neo4jLauncher {data_dir}"], capture_output=True, text=True)
    return [int(pid) for pid in out.stdout.split()]


def test_run_on_neo4j_embedded_and_ctrl_c_leaves_no_jvm(tmp_path_factory):
    from ..conftest import require_neo4j
    require_neo4j("netzwerk run auf Neo4j")
    data_dir = tmp_path_factory.mktemp("run-neo4j")
    port = free_port()
    process = start(data_dir, port, "neo4j-embedded")
    wait_healthy(process, port, timeout=120)
    assert launcher_jvms(data_dir / "neo4j"), "Neo4j runs while the app runs"
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
        assert b'"neo4j"' in response.read()
    output = stop_with_ctrl_c(process)
    assert "Demodaten geladen" in output and "neo4j-embedded" in output
    deadline = time.monotonic() + 10
    while launcher_jvms(data_dir / "neo4j") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert launcher_jvms(data_dir / "neo4j") == [], "no orphan JVM after Ctrl-C"
    assert not (data_dir / "neo4j.pid").exists()
    assert oct((data_dir / "neo4j.password").stat().st_mode & 0o777) == "0o600"
