"""Issue 7, finding 12: the data directory is the owner's alone (0700 directories, 0600 files):
the embedded database's snapshot, append-only files and log, and the import stash."""
import io
import os
import stat
import time

import redis

from netzwerk.config import PROJECT_ROOT
from netzwerk.store import EmbeddedServer, QueryCatalog
from netzwerk.store.falkordb_store import FalkorStore

from ..conftest import csrf_token


def open_to_others(directory):
    """Every path under `directory` (itself included) that group or others may use."""
    found = []
    for root, dirs, files in os.walk(directory):
        for path in [root] + [os.path.join(root, name) for name in dirs + files]:
            mode = stat.S_IMODE(os.lstat(path).st_mode)
            if mode & 0o077:
                found.append(f"{os.path.relpath(path, directory)} {mode:o}")
    return found


def test_embedded_database_files_are_private_after_a_start_and_a_write(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("emb")
    os.chmod(data_dir, 0o755)
    # left by an older version, which wrote with the default umask
    (data_dir / "falkordb.log").write_text("alt\n")
    os.chmod(data_dir / "falkordb.log", 0o644)
    old = os.umask(0o022)  # the usual umask: the server must not depend on the caller's
    try:
        server = EmbeddedServer(data_dir).start()
    finally:
        os.umask(old)
    try:
        store = FalkorStore(QueryCatalog(PROJECT_ROOT / "queries"), graph="g",
                            unix_socket=server.socket_path, query_timeout=5, connect_timeout=2)
        store.write("auth/record_login_failure", keys=["k"], now=1, since=0)
        store.close()
        connection = redis.Redis(unix_socket_path=str(server.socket_path))
        connection.save()  # dump.rdb
        connection.bgrewriteaof()  # a new base and increment in the AOF directory
        deadline = time.monotonic() + 10
        while connection.info("persistence")["aof_rewrite_in_progress"] and time.monotonic() < deadline:
            time.sleep(0.05)
        connection.close()

        names = {path.name for path in data_dir.rglob("*")}
        assert {"dump.rdb", "falkordb.log", "falkordb.pid"} <= names
        assert any(name.endswith(".aof") for name in names), names
        assert open_to_others(data_dir) == []
        if server.socket_path.parent != data_dir:
            assert stat.S_IMODE(os.stat(server.socket_path).st_mode) & 0o077 == 0
    finally:
        server.stop()


def test_the_import_stash_is_private(app, client, auth, users, tmp_path):
    auth.login(users["coordinator"])
    token = csrf_token(client.get("/import").get_data(as_text=True))
    checked = client.post("/import", data={
        "csrf_token": token, "kind": "districts",
        "file": (io.BytesIO("name;type;part_of\nDortmund;city;\n".encode()), "stadtteile.csv")},
        content_type="multipart/form-data")
    assert checked.status_code == 200, checked.get_data(as_text=True)
    stash = tmp_path / "imports"
    assert sorted(path.suffix for path in stash.iterdir()) == [".bin", ".json"]
    assert open_to_others(stash) == []
