"""The store on both real databases: plain data out, errors mapped, schema idempotent."""
import pytest

from netzwerk.store import ConstraintViolation, QueryError


def create_user(store, uid, email, **extra):
    fields = dict(uid=uid, email=email, name="Test", role="member", password_hash="x",
                  session_token="t", demo=False, now="2026-01-01T00:00:00", created_by="test")
    fields.update(extra)
    return store.write("auth/create_user", **fields)


def test_reads_return_plain_dicts(store):
    create_user(store, "u1", "a@example.org")
    row = store.read_one("auth/get_user_by_uid", uid="u1")
    assert row == {"uid": "u1", "email": "a@example.org", "name": "Test", "role": "member",
                   "active": True, "session_token": "t", "demo": False}
    assert type(row) is dict


def test_read_one_of_nothing_is_none(store):
    assert store.read_one("auth/get_user_by_uid", uid="missing") is None


def test_unique_constraint_is_a_conflict_and_nothing_is_written(store):
    create_user(store, "u1", "a@example.org")
    with pytest.raises(ConstraintViolation):
        create_user(store, "u2", "a@example.org")
    assert store.read_one("auth/get_user_by_uid", uid="u2") is None


def test_schema_can_be_applied_again(store):
    store.apply_schema()
    store.apply_schema()
    create_user(store, "u1", "a@example.org")
    with pytest.raises(ConstraintViolation):
        create_user(store, "u1", "b@example.org")


def test_parameters_are_checked_before_anything_runs(store):
    with pytest.raises(QueryError):
        store.read("auth/get_user_by_uid")
    with pytest.raises(QueryError):
        store.read("auth/get_user_by_uid", uid="u1", extra=1)
    with pytest.raises(QueryError):
        store.write("auth/get_user_by_uid", uid="u1")


def test_parameters_are_data_not_cypher(store):
    # a value that would break string-built Cypher is stored verbatim
    nasty = "x'}) DETACH DELETE n //\" \\"
    create_user(store, "u1", "a@example.org", name=nasty)
    assert store.read_one("auth/get_user_by_uid", uid="u1")["name"] == nasty


def test_a_unit_of_writes_runs_in_order(store):
    steps = [
        ("auth/create_user", dict(uid="u1", email="a@example.org", name="A", role="member",
                                  password_hash="x", session_token="t", demo=False,
                                  now="2026-01-01T00:00:00", created_by="test")),
        ("auth/rotate_session_token", dict(uid="u1", session_token="new")),
    ]
    store.write_unit(steps)
    assert store.read_one("auth/get_user_by_uid", uid="u1")["session_token"] == "new"


def test_login_throttle_counts_only_the_window(store):
    store.write("auth/record_login_failure", keys=["k"], now=1000, since=0)
    store.write("auth/record_login_failure", keys=["k"], now=2000, since=0)
    rows = store.write("auth/record_login_failure", keys=["k"], now=9000, since=1500)
    assert rows == [{"key": "k", "failures": 2}]
    assert store.read("auth/count_login_failures", keys=["k", "other"], since=2500) == [
        {"key": "k", "failures": 1}]
    store.write("auth/clear_login_failures", key="k")
    assert store.read("auth/count_login_failures", keys=["k"], since=0) == []


def test_ping(store):
    assert store.ping() is True


def test_a_unit_that_fails_half_way(store, backend):
    """Neo4j rolls the whole unit back; FalkorDB keeps the statements before the failing one
    (it has no rollback across statements), which is why units hold only idempotent MERGEs."""
    user = dict(name="A", role="member", password_hash="x", session_token="t", demo=False,
                now="2026-01-01T00:00:00", created_by="test")
    create_user(store, "u0", "taken@example.org")
    with pytest.raises(ConstraintViolation):
        store.write_unit([
            ("auth/create_user", dict(user, uid="u1", email="new@example.org")),
            ("auth/create_user", dict(user, uid="u2", email="taken@example.org")),
        ])
    assert store.read_one("auth/get_user_by_uid", uid="u2") is None
    first = store.read_one("auth/get_user_by_uid", uid="u1")
    if backend == "neo4j":
        assert first is None, "Neo4j: nothing of a failed unit is left behind"
    else:
        assert first is not None, "FalkorDB: the statements before the failure stay (documented)"


def test_the_type_ahead_finds_every_name_with_the_prefix_and_no_other(store):
    """FalkorDB's string range index scans answer wrongly for names with spaces or umlauts (and
    for every `<`): the type-ahead looks up the first two characters by equality instead."""
    from netzwerk.register.model import KINDS
    from netzwerk.register.service import Register
    from netzwerk.text import fold
    register = Register(store)
    names = ["Caritas Dortmund", "Caritas Essen", "Car", "Carz", "Cab", "Ca", "Cas", "Café Lanstrop",
             "Dachverband", "Caritas", "cari tas", "Çağrı e.V.", "Ärztehaus Nord", "Aerztekammer", "Zoo"]
    for name in names:
        register.create(KINDS["actors"], {"name": name}, "test")
    register.create(KINDS["districts"], {"name": "Caritasviertel", "type": "Quartier"}, "test")  # another kind
    for typed in ("ca", "car", "cari", "caritas", "caritas d", "cafe", "ärz", "arz", "cag", "zo", "xy"):
        prefix = fold(typed)
        rows = store.read("register/list_entries_by_name_prefix", label="Actor", start=prefix[:2], prefix=prefix)
        expected = sorted((fold(n), n) for n in names if fold(n).startswith(prefix))[:10]
        assert [row["name"] for row in rows] == [n for _, n in expected], typed
