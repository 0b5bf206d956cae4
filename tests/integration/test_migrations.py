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
