"""Folding makes search tolerant of umlauts, ß, case and the ae/oe/ue spellings."""
from netzwerk.text import fold, search_text, seed_uid


def test_umlauts_fold_to_their_base_letters():
    assert fold("Düsternort") == "dusternort"
    assert fold("düster") in fold("Düsternort")
    assert fold("dusternort") == fold("Düsternort")


def test_ae_oe_ue_spellings_match_umlauts():
    assert fold("Duesternort") == fold("Düsternort")
    assert fold("Hoerde") == fold("Hörde")
    assert fold("Lütgendortmund") == fold("Luetgendortmund")


def test_sharp_s_and_case():
    assert fold("Stiftstraße") == fold("STIFTSTRASSE")


def test_search_text_joins_the_present_parts():
    assert search_text("Café Düsternort", None, "Wöchentlich") == "cafe dusternort wochentlich"


def test_seed_uids_are_stable_and_distinct_per_label():
    assert seed_uid("Actor", "horizont") == seed_uid("Actor", "horizont")
    assert seed_uid("Actor", "horizont") != seed_uid("District", "horizont")
