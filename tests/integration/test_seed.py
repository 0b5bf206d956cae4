"""The demo seed: the documents' facts are in the graph, and loading twice changes nothing."""
from netzwerk.config import PROJECT_ROOT
from netzwerk.seeding import load_seed
from netzwerk.text import seed_uid

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
    assert links["KNOWS"] >= 5 and links["OFFERS"] >= 10


def test_the_documents_facts_are_there(store):
    load_seed(store, SEED, "2026-01-01T00:00:00")
    counts = store.read_one("home/count_overview", now="2026-11-22T00:00")
    assert counts == {"actors": 24, "people": 18, "offers": 14, "districts": 22,
                      "round_tables": 2, "open_needs": 4, "upcoming_events": 2}
    events = store.read("home/list_upcoming_events", now="2016-01-01", limit=2)
    assert [e["name"] for e in events] == [
        "Expert/innenrunde „Ankommen im Gemeinwesen“", "Ankunftsorte – Ankommen im Gemeinwesen"]
    assert events[0]["starts_at"] == "2016-06-16T10:30"
    assert events[0]["venue"] == "Geschäftsstelle der LAG"
    assert events[0]["organisers"] == ["LAG Soziale Brennpunkte Niedersachsen e.V."]


# --- seed fidelity: the documents' facts as they are, additions marked (issue 7) -------------

# people the documents name; nothing says whom they know
NAMED_PEOPLE = {"Birgit Zoerner", "Wencke Lüttich", "Markus Kissling", "Johanna Klatt"}


def seeded_graph(store):
    load_seed(store, SEED, "2026-01-01T00:00:00")
    nodes = {row["props"]["uid"]: row for row in store.read("graph/export_nodes")}
    return nodes, store.read("graph/export_relationships")


def test_knows_links_join_only_demo_entries_and_never_a_named_person(store):
    nodes, relationships = seeded_graph(store)
    knows = [r for r in relationships if r["type"] == "KNOWS"]
    assert knows, "the demo keeps its function accounts' contacts"
    for link in knows:
        ends = [nodes[link["from"]]["props"], nodes[link["to"]]["props"]]
        names = [end["name"] for end in ends]
        assert any(end.get("demo") is True for end in ends), f"kennt between two non-demo people: {names}"
        assert not NAMED_PEOPLE & set(names), f"invented acquaintance of a named person: {names}"
        assert not ({"Team Nachbarschaftsbüro Düsternort (Demo)", "Geschäftsstelle der LAG (Demo)"}
                    <= set(names)), "the Düsternort–LAG link is not in the documents"


def test_projekt_ankommen_is_only_planned_in_innenstadt_west_and_ost(store):
    nodes, relationships = seeded_graph(store)
    ankommen = seed_uid("Actor", "projekt-ankommen")
    active_in = {nodes[r["to"]]["props"]["name"]: r["props"].get("status")
                 for r in relationships if r["type"] == "ACTIVE_IN" and r["from"] == ankommen}
    assert active_in == {"Innenstadt-West": "planned", "Innenstadt-Ost": "planned"}
    # the offices that have opened are active without a status
    brackel = seed_uid("Actor", "lw-brackel-aplerbeck")
    assert all(r["props"].get("status") is None for r in relationships
               if r["type"] == "ACTIVE_IN" and r["from"] == brackel)


def test_every_demo_entry_is_marked_and_the_documents_facts_are_kept(store):
    nodes, _ = seeded_graph(store)
    demo_names = [row["props"]["name"] for row in nodes.values() if "(Demo)" in row["props"].get("name", "")]
    assert len(demo_names) >= 10
    for row in nodes.values():
        if "(Demo)" in row["props"].get("name", ""):
            assert row["props"].get("demo") is True, row["props"]["name"]

    def props(label, key):
        return nodes[seed_uid(label, key)]["props"]

    # Bremerhaven: "Das Ergebnis: Ziel erreicht!" – and no invented language or date
    children = props("Need", "auslastung-kinder-bremerhaven")
    assert children["status"] == "met"
    assert not children.get("language") and not children.get("reported_at")
    assert not any(row["props"].get("reported_at") for row in nodes.values() if row["label"] == "Need")
    # Düsternort: "einmal wöchentlich vormittags", "mind. einmal wöchentlich 2 Stunden", "bis 50"
    cafe = props("Offer", "nachbarschaftscafe-duesternort")
    assert not cafe.get("time_from") and not cafe.get("time_to") and cafe["capacity"] == 50
    assert "vormittags" in cafe["description"] and "2 Stunden" in cafe["description"]
    assert cafe.get("demo") is False
    assert props("Offer", "sprachtreff-duesternort")["demo"] is True
    # LAG: the fax is no phone number; the expert panel's capacity is not in the invitation
    lag = props("Actor", "lag-nds")
    assert not lag.get("phone") and "Fax: 0511/ 161 25 03" in lag["description"]
    assert props("Event", "expertinnenrunde-2016").get("capacity") is None
    # BW: the flyer's title as printed, no cost the article does not name
    talks = props("Offer", "nachbarschaftsgespraeche")
    assert "„Nachbarschaftsgespräche: Zusammenleben – Aber wie?“" in talks["description"]
    assert not talks.get("cost")


def test_a_demo_entrys_page_says_so(client, auth, users, store):
    load_seed(store, SEED, "2026-01-01T00:00:00")
    auth.login(users["coordinator"])
    badge = "Demo-Ergänzung – nicht aus den Quelldokumenten"
    demo = client.get(f"/personen/{seed_uid('Person', 'team-horizont')}").get_data(as_text=True)
    assert badge in demo and demo.index(badge) < demo.index('class="properties"'), "near the title"
    fact = client.get(f"/akteure/{seed_uid('Actor', 'horizont')}").get_data(as_text=True)
    assert "Kinder- und Jugendhaus Horizont" in fact and badge not in fact
    planned = client.get(f"/akteure/{seed_uid('Actor', 'projekt-ankommen')}").get_data(as_text=True)
    assert "· geplant" in planned, "a planned link says so in a word"
    with client.session_transaction() as session:
        session["lang"] = "en"
    english = client.get(f"/personen/{seed_uid('Person', 'team-horizont')}").get_data(as_text=True)
    assert "Demo addition – not from the source documents" in english
