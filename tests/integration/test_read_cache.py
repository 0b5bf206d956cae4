"""Reads kept until the next write (netzwerk/store/read_cache.py): never stale, never shared, on both engines."""
import pytest

from netzwerk.store import QueryCatalog
from netzwerk.config import PROJECT_ROOT
from netzwerk.store.catalog import parse_query_file
from netzwerk.store.errors import QueryError

ACTOR = {"name": "Caritas Dortmund", "kind": "welfare association", "name_key": "caritas dortmund",
         "search": "caritas dortmund"}


def create(store, uid, name="Caritas Dortmund"):
    store.write_unit([("register/create_actor", dict(
        uid=uid, props=dict(ACTOR, name=name, name_key=name.lower(), search=name.lower()),
        now="2026-11-23T10:00:00", by="test", change_uid=uid + "-c"))])


def names(store):
    rows = store.read("register/list_actors", q="", actor_kind="", field="",
                      order="name", descending=False, skip=0, limit=25)
    return [row["props"]["name"] for row in rows]


@pytest.fixture
def cached_store(store):
    """Both engines keep reads: FalkorDB keyed on a redis counter, Neo4j on a node that every
    write transaction bumps (queries/system/bump_cache_generation.cypher)."""
    assert store.read_cache is not None
    return store


def test_a_repeated_read_is_served_from_the_cache(cached_store):
    create(cached_store, "a1")
    names(cached_store)
    hits = cached_store.read_cache.hits
    assert names(cached_store) == ["Caritas Dortmund"]
    assert cached_store.read_cache.hits == hits + 1


def test_a_write_through_another_connection_is_seen_at_once(cached_store, database, catalog):
    """Another worker process writes: this one's next read must not be the kept answer."""
    create(cached_store, "a1")
    assert names(cached_store) == ["Caritas Dortmund"]
    other = database.open_store(catalog, graph=getattr(cached_store, "graph_name", None))  # Neo4j: one graph
    create(other, "a2", "AWO Dortmund")
    assert names(cached_store) == ["AWO Dortmund", "Caritas Dortmund"]
    other.write("register/update_entry", uid="a2", version=1, now="2026-11-23T11:00:00", by="test",
                change_uid="a2-c2", props={"name": "AWO Unterbezirk", "name_key": "awo unterbezirk",
                                           "search": "awo unterbezirk"})
    assert names(cached_store) == ["AWO Unterbezirk", "Caritas Dortmund"]
    other.close()


def test_deleting_the_graph_retires_what_was_kept(cached_store):
    create(cached_store, "a1")
    assert names(cached_store) == ["Caritas Dortmund"]
    cached_store.delete_graph()
    cached_store.apply_schema()
    create(cached_store, "a2", "AWO Dortmund")
    assert names(cached_store) == ["AWO Dortmund"]


def test_every_hit_is_a_copy_the_caller_may_change(cached_store):
    create(cached_store, "a1")
    rows = cached_store.read("register/get_entry", uid="a1")
    rows[0]["props"]["name"] = "changed by a caller"
    rows.append({"extra": True})
    again = cached_store.read("register/get_entry", uid="a1")
    assert len(again) == 1 and again[0]["props"]["name"] == "Caritas Dortmund"


def test_reads_marked_cache_no_are_never_kept(cached_store):
    cached_store.read("auth/get_login_by_email", email="a@b.de")
    cached_store.read("auth/get_login_by_email", email="a@b.de")
    assert len(cached_store.read_cache) == 0


def test_the_cache_header_takes_yes_or_no_only(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_text("// name: q\n// mode: read\n// params: none\n// cache: maybe\nRETURN 1 AS one\n")
    with pytest.raises(QueryError, match="cache must be yes, no or stable"):
        parse_query_file(path, "q")
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    assert not catalog.get("auth/get_login_by_email", "read", {"email"}).cache
    assert catalog.get("register/list_actors", "read",
                       {"q", "actor_kind", "field", "order", "descending", "skip", "limit"}).cache


def test_a_registration_keeps_stable_reads_and_retires_the_others(cached_store):
    """`changes: registrations` moves the second counter alone; retire_stable_reads the first."""
    create(cached_store, "a1")
    main, registrations = cached_store.generation()
    cached_store.write("retention/delete_expired_messages", before="2026-01-01", batch=10)  # changes: registrations
    assert cached_store.generation()[0] == main and cached_store.generation()[1] != registrations
    cached_store.retire_stable_reads()
    assert cached_store.generation()[0] != main


def test_an_audit_write_retires_nothing(cached_store):
    create(cached_store, "a1")
    before = cached_store.generation()
    cached_store.write("audit/create_audit_entries", entries=[{
        "uid": "au1", "at": "2026-11-23T10:00:00", "user_uid": "u1", "action": "view", "subject_kind": "person",
        "subject_uid": "p1", "what": ""}])
    assert cached_store.generation() == before


def test_the_generation_queries_answer_alike_on_both_engines(store):
    """The counter node is what Neo4j keys its cache on; FalkorDB keeps its counters in redis,
    but the queries run on both (the every-query check) and count alike."""
    first = store.write("system/bump_cache_generation", registrations=False)[0]
    second = store.write("system/bump_cache_generation", registrations=True)[0]
    assert (second["epoch"], second["main"], second["registrations"]) == \
        (first["epoch"], first["main"], first["registrations"] + 1)
    assert len(first["epoch"]) == 36  # randomUUID() on both
    assert store.read("system/get_cache_generation") == [second]


def test_emptying_a_neo4j_graph_starts_a_new_epoch(cached_store):
    """Counters that restart after the graph was emptied must not meet an answer kept before
    under the same number: the node comes back with a new epoch."""
    if cached_store.backend != "neo4j":
        pytest.skip("FalkorDB's counters live in redis, beside the graph")
    create(cached_store, "a1")
    before = cached_store.generation()
    cached_store.delete_graph()
    assert cached_store.generation() is None  # nothing is kept until the next write
    cached_store.apply_schema()
    create(cached_store, "a2", "AWO Dortmund")
    after = cached_store.generation()
    assert after[0].split(":")[0] != before[0].split(":")[0]
