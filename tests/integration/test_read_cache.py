"""Reads kept until the next write (netzwerk/store/read_cache.py): never stale, never shared."""
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
def falkordb_store(store, backend):
    if backend != "falkordb":
        assert store.read_cache is None, "Neo4j has no generation to key a cache on"
        pytest.skip("the read cache is FalkorDB's")
    return store


def test_a_repeated_read_is_served_from_the_cache(falkordb_store):
    create(falkordb_store, "a1")
    names(falkordb_store)
    hits = falkordb_store.read_cache.hits
    assert names(falkordb_store) == ["Caritas Dortmund"]
    assert falkordb_store.read_cache.hits == hits + 1


def test_a_write_through_another_connection_is_seen_at_once(falkordb_store, database, catalog):
    """Another worker process writes: this one's next read must not be the kept answer."""
    create(falkordb_store, "a1")
    assert names(falkordb_store) == ["Caritas Dortmund"]
    other = database.open_store(catalog, graph=falkordb_store.graph_name)
    create(other, "a2", "AWO Dortmund")
    assert names(falkordb_store) == ["AWO Dortmund", "Caritas Dortmund"]
    other.write("register/update_entry", uid="a2", version=1, now="2026-11-23T11:00:00", by="test",
                change_uid="a2-c2", props={"name": "AWO Unterbezirk", "name_key": "awo unterbezirk",
                                           "search": "awo unterbezirk"})
    assert names(falkordb_store) == ["AWO Unterbezirk", "Caritas Dortmund"]
    other.close()


def test_deleting_the_graph_retires_what_was_kept(falkordb_store):
    create(falkordb_store, "a1")
    assert names(falkordb_store) == ["Caritas Dortmund"]
    falkordb_store.delete_graph()
    falkordb_store.apply_schema()
    create(falkordb_store, "a2", "AWO Dortmund")
    assert names(falkordb_store) == ["AWO Dortmund"]


def test_every_hit_is_a_copy_the_caller_may_change(falkordb_store):
    create(falkordb_store, "a1")
    rows = falkordb_store.read("register/get_entry", uid="a1")
    rows[0]["props"]["name"] = "changed by a caller"
    rows.append({"extra": True})
    again = falkordb_store.read("register/get_entry", uid="a1")
    assert len(again) == 1 and again[0]["props"]["name"] == "Caritas Dortmund"


def test_reads_marked_cache_no_are_never_kept(falkordb_store):
    falkordb_store.read("auth/get_login_by_email", email="a@b.de")
    falkordb_store.read("auth/get_login_by_email", email="a@b.de")
    assert len(falkordb_store.read_cache) == 0


def test_the_cache_header_takes_yes_or_no_only(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_text("// name: q\n// mode: read\n// params: none\n// cache: maybe\nRETURN 1 AS one\n")
    with pytest.raises(QueryError, match="cache must be yes, no or stable"):
        parse_query_file(path, "q")
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    assert not catalog.get("auth/get_login_by_email", "read", {"email"}).cache
    assert catalog.get("register/list_actors", "read",
                       {"q", "actor_kind", "field", "order", "descending", "skip", "limit"}).cache
