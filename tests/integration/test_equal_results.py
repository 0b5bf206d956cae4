"""Both engines give the same answers: the demo data loaded into FalkorDB and into Neo4j,
then every read the pages make (lists with every order, search, filter and page, details,
links, history, filter values, exports, counts) compared value for value.

The other store tests run on each backend and check what they expect; this one catches a
difference that both sides would pass on their own (row order, int vs float, nulls, lists).
Every difference found is recorded in docs/cypher-portability.md.
"""
import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.register.model import KINDS
from netzwerk.register.service import Register
from netzwerk.seeding import load_seed

from netzwerk.text import seed_uid

NOW = "2026-01-01T00:00:00"
SEARCHES = ("", "dusternort", "DÜSTERNORT", "café", "ö", "lokal willkommen", "nichts-dergleichen")


@pytest.fixture(scope="module")
def both(catalog, falkordb_database, neo4j_database):
    """(falkordb register, neo4j register), each with the demo data."""
    stores = [falkordb_database.open_empty_store(catalog), neo4j_database.open_empty_store(catalog)]
    for store in stores:
        load_seed(store, PROJECT_ROOT / "seed", NOW)
    yield [Register(store) for store in stores]
    for store in stores:
        store.delete_graph()
        store.close()


def same(both, call):
    falkor, neo = (call(register) for register in both)
    assert falkor == neo, "FalkorDB and Neo4j answer differently:\n" + first_difference(falkor, neo)
    return falkor


def first_difference(a, b, path="$"):
    """Where two answers part: the path to the first differing value, and both values."""
    if hasattr(a, "__dataclass_fields__") and type(a) is type(b):
        a, b = vars(a), vars(b)
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if a.get(key, "<missing>") != b.get(key, "<missing>"):
                return first_difference(a.get(key, "<missing>"), b.get(key, "<missing>"), f"{path}.{key}")
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{path}[{index}]")
    return f"{path}: FalkorDB {a!r:.300}\n{' ' * len(path)}  Neo4j    {b!r:.300}"


def list_calls(kind):
    """Every list the pages can ask for on the demo data: each order, search, filter, page."""
    for order in ("name", "updated"):
        for descending in (False, True):
            yield dict(order=order, descending=descending)
    for q in SEARCHES:
        yield dict(q=q)
    yield dict(page=2, per_page=3)
    yield dict(page=99)
    for spec in kind.filters:
        if spec.field:
            for value, _ in kind.field(spec.field).choices:
                yield dict(filters={spec.name: value})
        elif spec.entries == "districts":
            for district in ("dortmund", "do-brackel", "do-scharnhorst", "duesternort", "bremerhaven"):
                yield dict(filters={spec.name: seed_uid("District", district)})
            # the _within queries order and cut pages like the plain ones
            yield dict(filters={spec.name: seed_uid("District", "dortmund")}, order="updated",
                       descending=True, page=2, per_page=2)
            yield dict(filters={spec.name: seed_uid("District", "dortmund")}, q="dortmund")
        elif spec.entries == "actors":
            yield dict(filters={spec.name: seed_uid("Actor", "horizont")})


@pytest.mark.parametrize("kind_key", list(KINDS))
def test_every_list_is_the_same(both, kind_key):
    kind = KINDS[kind_key]
    for call in list_calls(kind):
        page = same(both, lambda register: register.list(kind, with_private=True, **call))
        same(both, lambda register: (page.total, page.pages))
    assert same(both, lambda register: register.list(kind).total) > 0, "the demo has entries of every kind"


@pytest.mark.parametrize("kind_key", list(KINDS))
def test_every_entry_its_links_and_history_are_the_same(both, kind_key):
    kind = KINDS[kind_key]
    rows = both[0].export_rows(kind)
    for row in rows:
        same(both, lambda register: register.get(kind, row["uid"], with_private=True))
        same(both, lambda register: _plain_sections(register.link_sections(kind, row["uid"], with_private=True)))
        same(both, lambda register: register.history(kind, row["uid"], with_private=True))
    same(both, lambda register: register.options(kind))
    for field in kind.fields:
        if field.type in ("tags", "multi", "choice", "text"):
            same(both, lambda register: register.values(kind, field.name, field.is_list))


def test_exports_counts_and_start_page_are_the_same(both):
    same(both, lambda register: register.store.read("graph/export_nodes"))
    same(both, lambda register: register.store.read("graph/export_relationships"))
    same(both, lambda register: register.store.read("graph/count_nodes_by_label"))
    same(both, lambda register: register.store.read("graph/count_relationships_by_type"))
    same(both, lambda register: register.contact_links())
    for now in ("2000-01-01", NOW, "2099-01-01"):
        same(both, lambda register: register.store.read("home/count_overview", now=now))
        same(both, lambda register: register.store.read("home/list_upcoming_events", now=now, limit=5))


def _plain_sections(result):
    sections, others = result
    return ([(s["link"].type, s["direction"], [(i["uid"], i["name"], i["props"]) for i in s["items"]])
             for s in sections], others)
