"""Data migrations on both backends: free text in vocabulary fields becomes codes, once."""
from netzwerk.migrations import DATA_VERSION, migrate
from netzwerk.register.model import KINDS
from netzwerk.register.service import Register


def test_free_text_becomes_codes_and_unknown_words_are_kept(store):
    register = Register(store)
    offer = register.create(KINDS["offers"], {"name": "Sprachcafé", "status": "active"}, "test")
    need = register.create(KINDS["needs"], {"name": "Beratung", "status": "open"}, "test")
    # what an older netzwerk stored: labels and free text, as typed
    store.write("register/set_entry_props", rows=[
        {"uid": offer, "props": {"languages": ["Deutsch", "arabisch", "Farsi", "Klingonisch"],
                                 "weekdays": ["Donnerstag"], "fields": ["Sprache", "Beratung"],
                                 "target_groups": ["Menschen mit Fluchterfahrung"]}},
        {"uid": need, "props": {"language": "Arabisch", "target_group": "Familien"}}])

    report = migrate(store)
    assert report["vocabularies"]["changed"] == {"offers": 1, "needs": 1}
    assert report["vocabularies"]["unknown"] == ["Sprachen: Klingonisch"]
    migrated = register.get(KINDS["offers"], offer)
    assert migrated["languages"] == ["de", "ar", "fa", "Klingonisch"], "nothing typed is lost"
    assert migrated["weekdays"] == ["thu"] and migrated["fields"] == ["language", "counselling"]
    assert migrated["target_groups"] == ["refugees"]
    assert register.get(KINDS["needs"], need)["language"] == "ar"

    assert store.read_one("system/get_data_version")["version"] == DATA_VERSION
    assert migrate(store) == {}, "a second start finds nothing to do"


def test_the_language_filter_finds_what_was_typed_in_any_case(store):
    """'arabisch' typed, 'Arabisch' filtered (the register issue's example): one code, one match."""
    register = Register(store)
    offers = KINDS["offers"]
    register.create(offers, {"name": "Café", "status": "active",
                             "languages": offers.field("languages").parse("arabisch")}, "test")
    for value in ("Arabisch", "ar", "ARABISCH", "arabic"):
        assert register.list(offers, filters={"language": value}).total == 1, value
    assert register.list(offers, filters={"language": "Türkisch"}).total == 0


def test_events_of_the_old_seed_move_to_the_new_fields(store):
    """What the seed wrote before events were a kind: questions, theses, a deadline day, 'done'."""
    store.write("graph/merge_districts", rows=[{"uid": "d", "props": {"name": "Hannover"}, "by": "t"}], now="t")
    from ..conftest import raw_rows
    raw_rows(store, "CREATE (:Event {uid: 'old', name: 'Expert/innenrunde', kind: 'expert panel', "
                    "starts_at: '2016-06-16T10:30', ends_at: '2016-06-16T16:00', status: 'done', "
                    "registration_deadline: '2016-06-10', questions: ['Was ist die Situation vor Ort?', 'Was fehlt?'], "
                    "theses: ['Integration beginnt im Sozialraum.'], approaches: ['GWA', 'Soziale Stadt'], version: 1})")
    raw_rows(store, "CREATE (:Event {uid: 'day', name: 'Ankunftsorte', starts_at: '2016-08-16', status: 'planned', version: 1})")
    store.write("system/set_data_version", version=1, now="t")

    report = migrate(store)
    assert report["events"] == {"labelled": 2, "changed": 2}
    register = Register(store)
    old = register.get(KINDS["events"], "old")
    assert old["status"] == "published" and old["visibility"] == "public"
    assert old["registration_closes"] == "2016-06-10T23:59"
    assert old["discussion_basis"] == ("## Leitfragen\n\n1. Was ist die Situation vor Ort?\n2. Was fehlt?\n\n"
                                       "## Thesen\n\n1. Integration beginnt im Sozialraum.\n\n"
                                       "## Ansätze\n\n- GWA\n- Soziale Stadt")
    for gone in ("questions", "theses", "approaches", "registration_deadline"):
        assert gone not in old, gone
    assert old["search"].startswith("expert/innenrunde") if "search" in old else True
    day = register.get(KINDS["events"], "day")
    assert day["starts_at"] == "2016-08-16T00:00" and day["all_day"] is True
    assert register.list(KINDS["events"], q="ankunftsorte").total == 1, "found through :Entry and its search key"
    assert migrate(store) == {}


def test_entries_written_before_name_start_get_it_and_are_found_by_the_type_ahead(store):
    register = Register(store)
    actors = KINDS["actors"]
    uid = register.create(actors, {"name": "Caritas Dortmund"}, "test")
    from ..conftest import raw_rows
    raw_rows(store, f"MATCH (n:Entry {{uid: '{uid}'}}) REMOVE n.name_start")  # as an older netzwerk wrote it
    store.write("system/set_data_version", version=3, now="t")
    by_prefix = {"label": "Actor", "start": "ca", "prefix": "cari"}
    assert store.read("register/list_entries_by_name_prefix", **by_prefix) == [], "no name_start yet"

    assert migrate(store) == {"name_starts": 1}
    assert [row["name"] for row in store.read("register/list_entries_by_name_prefix", **by_prefix)] == \
        ["Caritas Dortmund"]
    assert migrate(store) == {}
