"""Controlled vocabularies: fields of action, target groups, languages, weekdays.

Stored as codes (languages by ISO 639), shown in the UI's language (the German label is the
message id; netzwerk/i18n.py has the English), matched case-insensitively by code, label or
alias on import and in forms, with a suggestion when a word is close to a term. Free text
typed before these lists existed is migrated by netzwerk/migrations.py.

The built-in terms are below. Admins add terms in the graph, `(:Term {vocabulary, code, de,
en, aliases})` (the admin pages: views.py, service.py): `added_terms` gives the additions as
of this request, read once per request (app context) through the loader the app registers,
so no process keeps a copy that could drift from the other workers'. This module imports
nothing of netzwerk: fields.py depends on it.
"""
from contextlib import contextmanager
from dataclasses import dataclass

from flask import current_app, g, has_app_context

FIELDS_OF_ACTION = (
    ("social-infrastructure", "Soziale Aktivitäten und soziale Infrastruktur"),
    ("neighbourhood-culture", "Stadtteilkultur"),
    ("living-together", "Zusammenleben unterschiedlicher sozialer und ethnischer Gruppen"),
    ("language", "Sprache"),
    ("counselling", "Beratung"),
    ("housing", "Wohnen"),
    ("work", "Arbeit"),
    ("health", "Gesundheit"),
    ("children-youth", "Kinder und Jugend"),
    ("leisure-sport", "Freizeit und Sport"),
    ("education", "Bildung"),
)

TARGET_GROUPS = (
    ("all-residents", "Alle Anwohner*innen"),
    ("migration-background", "Menschen mit Zuwanderungsgeschichte"),
    ("refugees", "Menschen mit Fluchterfahrung"),
    ("newcomers", "Neuzugewanderte"),
    ("children", "Kinder"),
    ("youth", "Jugendliche"),
    ("children-youth", "Kinder und Jugendliche"),
    ("parents", "Eltern"),
    ("families", "Familien"),
    ("women", "Frauen"),
    ("men", "Männer"),
    ("seniors", "Senior*innen"),
    ("tenants", "Mieter*innen"),
    ("volunteers", "Ehrenamtliche"),
    ("professionals", "Hauptamtliche"),
    ("people-with-disabilities", "Menschen mit Behinderung"),
)

# ISO 639-1 where there is one (Dari: ISO 639-3 "prs"); the languages met in local integration work
LANGUAGES = (
    ("de", "Deutsch"), ("ar", "Arabisch"), ("tr", "Türkisch"), ("uk", "Ukrainisch"),
    ("ru", "Russisch"), ("fa", "Persisch (Farsi)"), ("prs", "Dari"), ("ps", "Paschtu"),
    ("ku", "Kurdisch"), ("ti", "Tigrinya"), ("so", "Somali"), ("en", "Englisch"),
    ("fr", "Französisch"), ("pl", "Polnisch"), ("ro", "Rumänisch"), ("bg", "Bulgarisch"),
    ("sq", "Albanisch"), ("sr", "Serbisch"), ("es", "Spanisch"), ("it", "Italienisch"),
    ("el", "Griechisch"), ("vi", "Vietnamesisch"), ("ur", "Urdu"), ("dgs", "Deutsche Gebärdensprache"),
    ("de-simple", "Leichte Sprache"),
)

WEEKDAYS = (
    ("mon", "Montag"), ("tue", "Dienstag"), ("wed", "Mittwoch"), ("thu", "Donnerstag"),
    ("fri", "Freitag"), ("sat", "Samstag"), ("sun", "Sonntag"),
)

# other words people type for a term (folded when matched): English names, short forms
ALIASES = {
    "languages": {"farsi": "fa", "persian": "fa", "persisch": "fa", "arabic": "ar", "german": "de",
                  "turkish": "tr", "ukrainian": "uk", "russian": "ru", "kurdish": "ku",
                  "kurmandschi": "ku", "sorani": "ku", "english": "en", "french": "fr",
                  "polish": "pl", "romanian": "ro", "bulgarian": "bg", "albanian": "sq",
                  "serbian": "sr", "spanish": "es", "italian": "it", "greek": "el",
                  "pashto": "ps", "paschto": "ps", "tigrinja": "ti", "gebardensprache": "dgs",
                  "easy language": "de-simple", "einfache sprache": "de-simple"},
    "target_groups": {"anwohner*innen": "all-residents", "alle": "all-residents",
                      "gefluchtete": "refugees", "refugees": "refugees", "fluchtlinge": "refugees",
                      "migrant*innen": "migration-background", "kinder und jugend": "children-youth",
                      "jugend": "youth", "ehrenamt": "volunteers", "fachkrafte": "professionals",
                      "senioren": "seniors", "mieter": "tenants"},
    "fields": {},
    "weekdays": {"mo": "mon", "di": "tue", "mi": "wed", "do": "thu", "fr": "fri", "sa": "sat",
                 "so": "sun", "monday": "mon", "tuesday": "tue", "wednesday": "wed",
                 "thursday": "thu", "friday": "fri", "saturday": "sat", "sunday": "sun"},
}

# vocabulary -> its built-in terms, and the vocabulary's name as people read it
BUILTIN = {"fields": FIELDS_OF_ACTION, "target_groups": TARGET_GROUPS, "languages": LANGUAGES,
           "weekdays": WEEKDAYS}
NAMES = {"fields": "Handlungsfelder", "target_groups": "Zielgruppen", "languages": "Sprachen",
         "weekdays": "Wochentage"}
LOADER = "netzwerk.vocabularies"  # app.extensions key: a callable () -> [Term]


@dataclass(frozen=True)
class Term:
    """A term an admin added: its code, German and English label, other words for it."""
    vocabulary: str
    code: str
    de: str
    en: str = ""
    aliases: tuple = ()


def added_terms(vocabulary):
    """{code: Term} an admin added to a vocabulary, as of this request; {} outside an app."""
    if not has_app_context():
        return {}
    terms = g.get("_added_terms")
    if terms is None:
        loader = current_app.extensions.get(LOADER)
        terms = {}
        for term in (loader() if loader else ()):
            terms.setdefault(term.vocabulary, {})[term.code] = term
        g._added_terms = terms
    return terms.get(vocabulary, {})


def forget_added_terms():
    """After a change of the terms: the rest of this request reads them again."""
    if has_app_context():
        g.pop("_added_terms", None)


@contextmanager
def also_known(terms):
    """For the rest of the block, these Terms count as added too: a graph file that brings its
    own terms is checked against them before they are written."""
    if not terms:
        yield
        return
    for vocabulary in BUILTIN:
        added_terms(vocabulary)  # loaded once, then extended for the block
    saved = g._added_terms
    extended = {vocabulary: dict(codes) for vocabulary, codes in saved.items()}
    for term in terms:
        extended.setdefault(term.vocabulary, {})[term.code] = term
    g._added_terms = extended
    try:
        yield
    finally:
        g._added_terms = saved
