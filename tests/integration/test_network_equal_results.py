"""The network view's two reads answer the same on FalkorDB and Neo4j, value for value (the
demo data in both), and so does the view built from them."""
import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.network.graph import NETWORK_KINDS, Graph, ViewSpec, link_types, shown_view
from netzwerk.seeding import load_seed

from .test_equal_results import NOW, first_difference


@pytest.fixture(scope="module")
def stores(catalog, falkordb_database, neo4j_database):
    opened = [falkordb_database.open_empty_store(catalog), neo4j_database.open_empty_store(catalog)]
    for store in opened:
        load_seed(store, PROJECT_ROOT / "seed", NOW)
    yield opened
    for store in opened:
        store.delete_graph()
        store.close()


def same(stores, call):
    falkor, neo = (call(store) for store in stores)
    assert falkor == neo, "FalkorDB and Neo4j answer differently:\n" + first_difference(falkor, neo)
    return falkor


@pytest.mark.parametrize("contacts", [True, False], ids=["coordinator", "member"])
def test_the_network_reads_and_view_are_equal(stores, contacts):
    spec = ViewSpec(types=NETWORK_KINDS, size="betweenness", colour="community")
    nodes = same(stores, lambda s: s.read("network/list_network_nodes", labels=spec.labels()))
    links = same(stores, lambda s: s.read("network/list_network_links", types=link_types(contacts)))
    assert len(nodes) > 50 and len(links) > 50
    assert any(link["type"] == "KNOWS" for link in links) == contacts
    same(stores, lambda s: shown_view(Graph.from_rows(
        s.read("network/list_network_nodes", labels=spec.labels()),
        s.read("network/list_network_links", types=link_types(contacts))), spec, lambda t, u: u))
