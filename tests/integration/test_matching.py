"""Needs to offers on small hand-built graphs, on both engines: ranking order, the neighbour
fallback, the wider areas, no match, all match, ended offers, marking a need met or dropped."""
import pytest

from netzwerk.errors import Conflict
from netzwerk.matching import service as matching

from ..conftest import raw_rows

NOW = "2026-01-01T00:00:00"
COUNSELLING = ["counselling"]


def build(store):
    """City C with Stadtbezirke B1, B2 (neighbour of B1), B3; Quartiere Q1, Q2 in B1, Q2 next to Q1."""
    districts = {"C": "city", "B1": "Stadtbezirk", "B2": "Stadtbezirk", "B3": "Stadtbezirk",
                 "Q1": "Quartier", "Q2": "Quartier"}
    store.write("graph/merge_districts", now=NOW, rows=[
        {"uid": uid, "props": {"name": f"Bezirk {uid}" if kind == "Stadtbezirk" else uid, "type": kind}, "by": "t"}
        for uid, kind in districts.items()])
    store.write("graph/merge_part_of", links=[{"from": a, "to": b} for a, b in (
        ("B1", "C"), ("B2", "C"), ("B3", "C"), ("Q1", "B1"), ("Q2", "B1"))])
    # stored in one direction each, read in both
    store.write("graph/merge_neighbours", links=[{"from": "Q2", "to": "Q1"}, {"from": "B1", "to": "B2"}])
    offers = {
        "same-de": dict(name="A Sprechstunde Q1", languages=["de"], weekdays=["tue"], time_from="10:00",
                        time_to="12:00", districts=["Q1"]),
        "same-ar": dict(name="B Beratung auf Arabisch Q1", languages=["ar"], weekdays=["mon"],
                        time_from="18:00", time_to="20:00", districts=["Q1"]),
        "next": dict(name="C Beratung nebenan", languages=["ar"], weekdays=["mon"], time_from="17:30",
                     districts=["Q2"]),
        "area": dict(name="D Beratung im Bezirk", districts=["B1"]),
        "city": dict(name="E Beratung in der Stadt", languages=["ar"], districts=["B3"]),
        "ended": dict(name="F Beendet", languages=["ar"], weekdays=["mon"], districts=["Q1"], status="ended"),
        "paused": dict(name="G Pausiert", districts=["Q1"], status="paused"),
        "housing": dict(name="H Wohnen", fields=["housing"], districts=["Q1"]),
    }
    store.write("graph/merge_offers", now=NOW, rows=[
        {"uid": uid, "by": "t", "props": {"fields": COUNSELLING, "status": "active",
                                          **{k: v for k, v in spec.items() if k != "districts"}}}
        for uid, spec in offers.items()])
    store.write("graph/merge_offer_in", links=[{"from": uid, "to": district} for uid, spec in offers.items()
                                               for district in spec["districts"]])
    return store


def need(store, uid, district, **props):
    store.write("graph/merge_needs", now=NOW, rows=[{"uid": uid, "by": "t", "props": {
        "name": f"Bedarf {uid}", "status": "open", **props}}])
    store.write("graph/merge_need_in", links=[{"from": uid, "to": district}])
    return uid


def names(result):
    return [m["uid"] for m in result["matches"]]


@pytest.fixture
def graph(store):
    return build(store)


def test_ranking_nearest_first_then_by_fit(graph):
    need(graph, "n", "Q1", field="counselling", language="ar", weekdays=["mon"], time_of_day="evening")
    result = matching.match_offers(graph, "n")
    # own Quartier (best fit first), the neighbour, the Stadtbezirk, the city; ended, paused and
    # other fields of action never
    assert names(result) == ["same-ar", "same-de", "next", "area", "city"]
    first, second = result["matches"][:2]
    assert first["reason"] == "Beratung passt, Arabisch passt, montags passt, abends passt"
    assert second["reason"] == ("Beratung passt, aber Deutsch statt Arabisch, dienstags statt montags, "
                                "10:00–12:00 Uhr statt abends")
    assert first["where"]["text"] == "im Quartier Q1"
    assert result["matches"][2]["where"]["text"] == "nebenan in Q2"
    assert result["matches"][3]["where"]["text"] == "anderswo in Bezirk B1"
    assert result["matches"][4]["where"]["text"] == "anderswo in C"
    # an offer without days or hours: the page says so instead of guessing
    assert result["matches"][3]["reason"] == ("Beratung passt; Sprache nicht angegeben; Wochentag nicht "
                                              "angegeben; Uhrzeit nicht angegeben")


def test_neighbour_fallback(graph):
    # nothing in B2 itself: B1 next door (with its Quartiere) comes before the rest of the city
    need(graph, "n", "B2", field="counselling", language="ar")
    result = matching.match_offers(graph, "n")
    assert names(result) == ["same-ar", "next", "area", "same-de", "city"]
    assert {m["where"]["relation"] for m in result["matches"][:4]} == {"neighbour"}
    assert result["matches"][0]["where"]["text"] == "nebenan in Bezirk B1"


def test_no_match(graph):
    need(graph, "n", "Q1", field="work")
    assert matching.match_offers(graph, "n")["matches"] == []
    # a need in no district finds nothing either, and says nothing wrong
    need(graph, "m", "Q1", field="counselling")
    raw_rows(graph, "MATCH (:Need {uid: 'm'})-[r:IN]->() DELETE r")
    assert matching.match_offers(graph, "m")["matches"] == []


def test_all_match(graph):
    # a need naming only its field: every active counselling offer fits and nothing is missing
    need(graph, "n", "Q1", field="counselling")
    result = matching.match_offers(graph, "n")
    assert names(result) == ["same-de", "same-ar", "next", "area", "city"]
    assert all(verdict == "fit" for m in result["matches"] for _c, verdict, _t in m["verdicts"])
    # no field at all: offers of every field of action count
    need(graph, "any", "Q1")
    assert "housing" in names(matching.match_offers(graph, "any"))


def test_an_ended_offer_is_not_counted(graph):
    need(graph, "n", "Q1", field="counselling", language="ar", weekdays=["mon"])
    raw_rows(graph, "MATCH (o:Offer {uid: 'same-ar'}) SET o.status = 'ended'")
    assert "same-ar" not in names(matching.match_offers(graph, "n"))
    assert "ended" not in names(matching.match_offers(graph, "n"))


def test_the_wider_areas_only_while_too_few(graph):
    need(graph, "n", "Q1", field="counselling")
    # own district and neighbours are always searched; the Stadtbezirk and city only if needed
    assert names(matching.match_offers(graph, "n", limit=2)) == ["same-de", "same-ar"]
    assert names(matching.match_offers(graph, "n", limit=4)) == ["same-de", "same-ar", "next", "area"]


def test_target_group_cost_and_everyone(graph):
    need(graph, "n", "Q2", field="counselling", target_group="women", free_of_charge=True)
    raw_rows(graph, "MATCH (o:Offer {uid: 'next'}) SET o.target_groups = ['families'], o.cost = 'fee'")
    raw_rows(graph, "MATCH (o:Offer {uid: 'same-ar'}) SET o.target_groups = ['all-residents'], o.cost = 'free'")
    result = {m["uid"]: m for m in matching.match_offers(graph, "n")["matches"]}
    assert result["next"]["reason"] == "Beratung passt, aber für Familien statt für Frauen, kostenpflichtig statt kostenlos"
    assert result["same-ar"]["reason"] == "Beratung passt, Zielgruppe Frauen passt, kostenlos passt"


def test_mark_met_and_dropped_with_history(graph):
    need(graph, "n", "Q1", field="counselling")
    version = matching.mark_met(graph, "n", "same-ar", 1, "Koordination")
    assert version == 2
    assert matching.need_for_matching(graph, "n")["status"] == "met"
    assert matching.need_for_matching(graph, "n")["met_by"] == ["same-ar"]
    assert [m["met"] for m in matching.match_offers(graph, "n")["matches"] if m["uid"] == "same-ar"] == [True]
    changes = graph.read("register/list_entry_changes", uid="n", limit=5)
    assert changes[0]["fields"] == ["status"] and "gedeckt durch „B Beratung auf Arabisch Q1“" in changes[0]["summary"]
    assert graph.read("register/list_entry_changes", uid="same-ar", limit=5)[0]["summary"] == changes[0]["summary"]
    # a stale version is refused and writes nothing
    with pytest.raises(Conflict):
        matching.set_status(graph, "n", "dropped", 1, "Koordination")
    assert matching.need_for_matching(graph, "n")["status"] == "met"
    assert matching.set_status(graph, "n", "dropped", 2, "Koordination") == 3
    assert matching.need_for_matching(graph, "n")["status"] == "dropped"
    with pytest.raises(Conflict):
        matching.mark_met(graph, "n", "next", 2, "Koordination")
    assert matching.need_for_matching(graph, "n")["met_by"] == ["same-ar"]


@pytest.fixture(scope="module")
def both(catalog, falkordb_database, neo4j_database):
    stores = [falkordb_database.open_empty_store(catalog), neo4j_database.open_empty_store(catalog)]
    for store in stores:
        build(store)
        need(store, "n", "Q1", field="counselling", language="ar", weekdays=["mon"], time_of_day="evening")
        need(store, "b2", "B2", field="counselling", target_group="women")
        need(store, "none", "Q2", field="work")
    yield stores
    for store in stores:
        store.delete_graph()
        store.close()


@pytest.mark.parametrize("need_uid", ["n", "b2", "none"])
def test_both_engines_give_the_same_matches(both, need_uid):
    falkor, neo = (matching.match_offers(store, need_uid) for store in both)
    assert falkor == neo


@pytest.fixture(scope="module")
def demo_on_both(catalog, falkordb_database, neo4j_database):
    from netzwerk.config import PROJECT_ROOT
    from netzwerk.seeding import load_seed
    # a longer timeout: on a JVM that has just started, the whole seed as one unit may take > 5 s
    stores = [falkordb_database.open_empty_store(catalog), neo4j_database.open_empty_store(catalog, query_timeout=60)]
    for store in stores:
        load_seed(store, PROJECT_ROOT / "seed", NOW)
    yield stores
    for store in stores:
        store.delete_graph()
        store.close()


def test_the_demo_gives_the_same_answers_on_both_engines(demo_on_both):
    from datetime import date

    from netzwerk.dashboard.service import key_figures
    from netzwerk.roundtables.service import overview
    falkor, neo = demo_on_both
    needs = [row["uid"] for row in falkor.read("register/list_needs", q="", field="", language="", target_group="",
                                                   status="", order="name", descending=False,
                                                   skip=0, limit=100)]
    assert len(needs) >= 5
    for uid in needs:
        assert matching.match_offers(falkor, uid) == matching.match_offers(neo, uid), uid
    tables = [row["uid"] for row in falkor.read("register/list_round_table_options")]
    for uid in tables:
        assert overview(falkor, uid, "2026-11-23T00:00") == overview(neo, uid, "2026-11-23T00:00"), uid
    for level in ("Stadtbezirk", "Quartier"):
        assert key_figures(falkor, date(2026, 11, 23), "2026-11-23T00:00", level) == \
            key_figures(neo, date(2026, 11, 23), "2026-11-23T00:00", level)
