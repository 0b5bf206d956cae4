"""`netzwerk backup` and `netzwerk restore`: every node and link survives the round trip, on each
backend and across them; a damaged file or a non-empty instance is refused and nothing is written."""
import gzip
import json
import os
import stat
from collections import Counter

import pytest
from click.testing import CliRunner

from netzwerk import create_app
from netzwerk.backup.service import BackupError, restore_backup, verify_backup, write_backup
from netzwerk.cli import main
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.migrations import DATA_VERSION
from netzwerk.register.model import KINDS
from netzwerk.seeding import load_seed

from ..conftest import PASSWORD, raw_rows
from ..registration_helpers import make_event, register


# loading the demo data as one unit of work takes seconds on a loaded machine: more room than
# the suite's 5 s, which is about web requests, not about this
TIMEOUT = 60


@pytest.fixture
def store(catalog, database):
    """An empty graph like the suite's `store`, with room for the demo data's unit of work."""
    store = database.open_empty_store(catalog, query_timeout=TIMEOUT)
    yield store
    store.delete_graph()
    store.close()


def empty_target(database, catalog):
    """A second, empty graph (FalkorDB), or the one Neo4j database emptied."""
    if database.backend == "neo4j":
        return database.open_empty_store(catalog, query_timeout=TIMEOUT)
    return database.open_store(catalog, query_timeout=TIMEOUT)


def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def graph_of(store):
    """Every node (labels and properties) and every link (type, properties, both ends in full),
    as multisets: what a backup must bring back, compared without any uid trusted. Not the
    read cache's write counter (Neo4j): it belongs to the instance, and every write moves it."""
    nodes = Counter(canonical([sorted(row["labels"]), row["props"]]) for row in
                    raw_rows(store, "MATCH (n) WHERE NOT n:CacheGeneration RETURN labels(n) AS labels, "
                                    "properties(n) AS props"))
    links = Counter(canonical([row["type"], row["props"], sorted(row["al"]), row["a"], sorted(row["bl"]), row["b"]])
                    for row in raw_rows(store, "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, "
                                               "labels(a) AS al, properties(a) AS a, labels(b) AS bl, "
                                               "properties(b) AS b"))
    return nodes, links


def fill(store, tmp_path):
    """The demo data with everything else a running instance holds: accounts, an API key, a
    failed login, events with registrations (links, outbox, rate limits), a vocabulary term,
    the change history and the data version."""
    load_seed(store, PROJECT_ROOT / "seed", "2026-01-01T00:00:00")
    app = create_app(TestConfig(tmp_path / "app"), store=store)
    accounts = app.extensions["netzwerk.accounts"]
    for role in ("admin", "coordinator", "organiser", "member"):
        accounts.create_user(f"{role}@example.org", f"Test {role}", role, PASSWORD)
    admin, _ = accounts.authenticate("admin@example.org", PASSWORD, "127.0.0.1")
    accounts.create_token(admin, "Nächtlicher Export")
    accounts.authenticate("member@example.org", "falsches-passwort", "10.0.0.9")
    client = app.test_client()
    make_event(store, "ev-backup", capacity=1)
    for number in range(3):  # one confirmed, two on the waiting list
        assert register(client, "ev-backup", f"Gast {number}", f"gast{number}@example.org").status_code in (200, 302)
    with app.test_request_context():
        app.extensions["netzwerk.register"].create(KINDS["districts"], {"name": "Sicherungsviertel"}, by="test")
        app.extensions["netzwerk.vocabulary_admin"].add("languages", de="Tigrinisch Test", en="Tigrinya test",
                                                        code="ti-test", by="test")
    store.write("system/set_data_version", version=DATA_VERSION, now="2026-01-01T00:00:00")
    nodes, links = graph_of(store)
    labels = {label for key in nodes for label in json.loads(key)[0]}
    for expected in ("User", "ApiToken", "Registration", "RegistrationLink", "Message", "Change", "Meta",
                     "Event", "Person", "Actor", "Term", "LoginThrottle"):
        assert expected in labels, f"the test data lacks {expected}"
    return nodes, links


def run(env, *args):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_round_trip_through_the_commands(store, database, catalog, tmp_path):
    before = fill(store, tmp_path)
    env = {**database.environment(store), "NETZWERK_DATA_DIR": str(tmp_path / "data")}
    result = run(env, "backup", "--dir", str(tmp_path / "backups"), "--keep", "2")
    assert result.exit_code == 0, result.output
    [path] = (tmp_path / "backups").glob("netzwerk-*.jsonl.gz")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert (tmp_path / "backups" / (path.name + ".sha256")).read_text().split()[1] == path.name
    header = json.loads(gzip.open(path).readline())
    assert header["netzwerk-backup"] == 1 and header["backend"] == database.backend
    assert header["data_version"] == DATA_VERSION
    assert header["nodes"] == sum(before[0].values()) and header["relationships"] == sum(before[1].values())

    # restoring into an instance that holds data is refused, and writes nothing
    refused = run(env, "restore", str(path))
    assert refused.exit_code == 1 and "nicht leer" in refused.output
    assert graph_of(store) == before

    target = empty_target(database, catalog)
    try:
        restored = run({**database.environment(target), "NETZWERK_DATA_DIR": str(tmp_path / "data2")},
                       "restore", str(path))
        assert restored.exit_code == 0, restored.output
        assert f"{header['nodes']} Knoten" in restored.output
        assert graph_of(target) == before
        assert not raw_rows(target, "MATCH (n:Restored) RETURN n.uid AS uid")
    finally:
        target.delete_graph()
        target.close()


def test_damaged_file_is_refused_and_nothing_is_written(store, database, catalog, tmp_path):
    fill(store, tmp_path)
    path = tmp_path / "netzwerk-test.jsonl.gz"
    write_backup(store, path, DATA_VERSION)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit in the middle
    damaged = tmp_path / "damaged.jsonl.gz"
    damaged.write_bytes(bytes(data))
    (tmp_path / "damaged.jsonl.gz.sha256").write_text((tmp_path / "netzwerk-test.jsonl.gz.sha256").read_text())
    target = empty_target(database, catalog)
    try:
        with pytest.raises(BackupError, match="beschädigt"):
            restore_backup(target, damaged, DATA_VERSION)
        assert raw_rows(target, "MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
        # a file whose checksum was made again after the damage still fails: gzip's own check
        (tmp_path / "damaged.jsonl.gz.sha256").write_text(
            __import__("hashlib").sha256(bytes(data)).hexdigest() + "  damaged.jsonl.gz\n")
        with pytest.raises(BackupError):
            verify_backup(damaged, DATA_VERSION)
        assert raw_rows(target, "MATCH (n) RETURN count(n) AS n")[0]["n"] == 0
        # a missing checksum is refused too
        (tmp_path / "damaged.jsonl.gz.sha256").unlink()
        with pytest.raises(BackupError, match="Prüfsumme"):
            restore_backup(target, damaged, DATA_VERSION)
    finally:
        target.delete_graph()
        target.close()


def test_backup_of_a_newer_version_is_refused(store, tmp_path):
    store.write("system/set_data_version", version=DATA_VERSION + 1, now="2026-01-01T00:00:00")
    path = tmp_path / "netzwerk-new.jsonl.gz"
    write_backup(store, path, DATA_VERSION)
    with pytest.raises(BackupError, match="neueren netzwerk-Version"):
        verify_backup(path, DATA_VERSION)


def test_a_link_to_a_node_without_reference_stops_the_backup(store, tmp_path):
    raw_rows(store, "CREATE (:Stray {note: 'x'})-[:TO]->(:Stray {note: 'y'})")
    path = tmp_path / "netzwerk-stray.jsonl.gz"
    with pytest.raises(BackupError, match="ohne uid"):
        write_backup(store, path, DATA_VERSION)
    assert not path.exists() and not (tmp_path / "netzwerk-stray.jsonl.gz.partial").exists()


def test_cross_backend_round_trip(falkordb_database, neo4j_database, catalog, tmp_path):
    source = falkordb_database.open_store(catalog, query_timeout=TIMEOUT)
    neo = neo4j_database.open_empty_store(catalog, query_timeout=TIMEOUT)
    back = falkordb_database.open_store(catalog, query_timeout=TIMEOUT)
    try:
        before = fill(source, tmp_path)
        write_backup(source, tmp_path / "f.jsonl.gz", DATA_VERSION)
        restore_backup(neo, tmp_path / "f.jsonl.gz", DATA_VERSION)
        assert graph_of(neo) == before
        write_backup(neo, tmp_path / "n.jsonl.gz", DATA_VERSION)
        restore_backup(back, tmp_path / "n.jsonl.gz", DATA_VERSION)
        assert graph_of(back) == before
    finally:
        for store in (source, neo, back):
            store.delete_graph()
            store.close()


def test_copies_left_by_a_killed_backup_are_dropped(falkordb_database, catalog, tmp_path):
    store = falkordb_database.open_store(catalog, query_timeout=TIMEOUT)
    stale, fresh = f"{store.graph_name}__backup_1000_dead", f"{store.graph_name}__backup_9999999999_live"
    try:
        raw_rows(store, "CREATE (:Actor {uid: 'a1'})")
        for name in (stale, fresh):
            store.db.connection.execute_command("GRAPH.COPY", store.graph_name, name)
        write_backup(store, tmp_path / "netzwerk-x.jsonl.gz", DATA_VERSION)
        left = [g.decode() if isinstance(g, bytes) else g for g in store.db.connection.execute_command("GRAPH.LIST")]
        assert stale not in left and fresh in left
        assert not [g for g in left if g.startswith(f"{store.graph_name}__backup_") and g != fresh]
    finally:
        store.db.select_graph(fresh).delete()
        store.delete_graph()
        store.close()


def test_keep_deletes_the_oldest_backups_with_their_checksums(tmp_path):
    from netzwerk.backup.service import prune_backups
    names = [f"netzwerk-2026112{day}T023000Z.jsonl.gz" for day in range(1, 5)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
        (tmp_path / f"{name}.sha256").write_text("x")
    (tmp_path / "anderes.jsonl.gz").write_bytes(b"kept: not a nightly backup")
    removed = prune_backups(tmp_path, 2)
    assert [path.name for path in removed] == names[:2]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["anderes.jsonl.gz"] + names[2:] + [f"{name}.sha256" for name in names[2:]])
