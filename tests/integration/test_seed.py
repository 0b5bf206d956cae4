"""The demo seed: the documents' facts are in the graph, and loading twice changes nothing."""
from netzwerk.config import PROJECT_ROOT
from netzwerk.seeding import load_seed

SEED = PROJECT_ROOT / "seed"


def graph_counts(store):
    nodes = {r["label"]: r["nodes"] for r in store.read("graph/count_nodes_by_label")}
    links = {r["type"]: r["relationships"] for r in store.read("graph/count_relationships_by_type")}
    return nodes, links


def test_loading_twice_gives_the_same_graph(store):
    load_seed(store, SEED, "2026-01-01T00:00:00")
    first = graph_counts(store)
    load_seed(store, SEED, "2026-02-02T00:00:00")
    assert graph_counts(store) == first
    nodes, links = first
    assert nodes["Actor"] >= 20 and nodes["District"] >= 20 and nodes["Event"] >= 2
    assert links["KNOWS"] >= 10 and links["OFFERS"] >= 10


def test_the_documents_facts_are_there(store):
    load_seed(store, SEED, "2026-01-01T00:00:00")
    counts = store.read_one("home/count_overview", now="2026-11-22T00:00")
    assert counts == {"actors": 24, "people": 18, "offers": 14, "districts": 22,
                      "round_tables": 2, "upcoming_events": 2}
    events = store.read("home/list_upcoming_events", now="2016-01-01", limit=2)
    assert [e["name"] for e in events] == [
        "Expert/innenrunde „Ankommen im Gemeinwesen“", "Ankunftsorte – Ankommen im Gemeinwesen"]
    assert events[0]["starts_at"] == "2016-06-16T10:30"
    assert events[0]["venue"] == "Geschäftsstelle der LAG"
    assert events[0]["organisers"] == ["LAG Soziale Brennpunkte Niedersachsen e.V."]
