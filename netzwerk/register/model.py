"""The register's model: the kinds of entries, their fields, and the links between them.

One registry drives the forms, lists, detail pages, imports, exports and the API, so a
new field is added in one place. The graph model is documented in docs/model.md.
"""
from dataclasses import dataclass

from ..fields import Field

ACTOR_KINDS = (
    ("city office", "Kommunale Stelle"),
    ("welfare association", "Wohlfahrtsverband"),
    ("association", "Verein / Verband"),
    ("housing company", "Wohnungsunternehmen"),
    ("school", "Schule"),
    ("youth centre", "Jugendeinrichtung"),
    ("migrant organisation", "Migrant*innenorganisation"),
    ("initiative", "Initiative"),
    ("other", "Sonstige"),
)
DISTRICT_TYPES = (("city", "Stadt"), ("Stadtbezirk", "Stadtbezirk"), ("Stadtteil", "Stadtteil"),
                  ("Quartier", "Quartier"))
OFFER_STATUS = (("active", "aktiv"), ("paused", "pausiert"), ("ended", "beendet"))
NEED_STATUS = (("open", "offen"), ("met", "gedeckt"), ("dropped", "verworfen"))
FREQUENCIES = (("weekly", "wöchentlich"), ("biweekly", "14-täglich"), ("monthly", "monatlich"),
               ("once", "einmalig"), ("on request", "nach Vereinbarung"), ("irregular", "unregelmäßig"))
COSTS = (("free", "kostenlos"), ("fee", "kostenpflichtig"))
# when a need's people can come: matched against an offer's time_from/time_to (netzwerk/matching)
TIMES_OF_DAY = (("morning", "vormittags"), ("afternoon", "nachmittags"), ("evening", "abends"))
EVENT_KINDS = (("expert panel", "Expert*innenrunde / Fachrunde"), ("conference", "Konferenz / Fachtag"),
               ("workshop", "Workshop"), ("network meeting", "Netzwerktreffen"),
               ("round table meeting", "Treffen eines Runden Tisches"), ("cafe", "Café / offener Treff"),
               ("information", "Informationsveranstaltung"), ("other", "Sonstige"))
# who may see an event: everyone (its page and the feed), people invited (listed to logged-in
# users only; the invitations themselves come with registrations), or logged-in users only
VISIBILITIES = (("public", "öffentlich"), ("invitation", "nur auf Einladung"), ("internal", "intern"))
EVENT_STATUS = (("draft", "Entwurf"), ("published", "veröffentlicht"), ("cancelled", "abgesagt"))
SERIES_RHYTHMS = (("weekly", "wöchentlich"), ("biweekly", "14-täglich"), ("monthly", "monatlich"),
                  ("irregular", "unregelmäßig"))
ACCESS_NOTES = (("barrier-free", "barrierefrei"), ("childcare", "Kinderbetreuung"),
                ("interpreting", "Sprachmittlung"))


@dataclass(frozen=True)
class Filter:
    """A list filter: its query parameter, and where its choices come from (one of three)."""
    name: str
    label: str
    field: str = None    # the choices of one of the kind's fields
    entries: str = None  # the entries of a kind (matched through links, a district's sub-districts included)
    values: str = None   # the values stored in a property
    typeahead: bool = False  # entries too many for a select (actors): a typed name with suggestions


@dataclass(frozen=True)
class Kind:
    key: str        # API and list query names: "actors"
    item: str       # one of them, in query names: "actor" (register/create_actor)
    slug: str       # URL: "akteure"
    label: str      # graph label: "Actor"
    singular: str
    plural: str
    fields: tuple
    filters: tuple = ()          # Filters besides the search box
    columns: tuple = ("name",)   # list columns
    importable: bool = True
    pages: str = "register"      # the blueprint whose pages show and edit the kind

    @property
    def filter_names(self):
        return [f.name for f in self.filters]

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    @property
    def field_names(self):
        return [f.name for f in self.fields]


NAME = Field("name", "Name", required=True, max_length=200)
FIELD = Filter("field", "Handlungsfeld", field="fields")
DISTRICT = Filter("district", "Stadtteil", entries="districts")
STATUS = Filter("status", "Status", field="status")
DESCRIPTION = Field("description", "Beschreibung", "textarea", max_length=5000)
FIELDS = Field("fields", "Handlungsfelder", "multi", vocabulary="fields")
# shown as a notice on the page when true, never as a row or a spreadsheet column
DEMO = Field("demo", "Demo-Ergänzung", "bool", row=False,
             description="Plausible Ergänzung für die Demo, nicht aus den Quelldokumenten.")

KINDS = {kind.key: kind for kind in (
    Kind("actors", "actor", "akteure", "Actor", "Akteur", "Akteure", (
        NAME,
        Field("kind", "Art", "choice", ACTOR_KINDS, required=True),
        DESCRIPTION,
        Field("address", "Adresse", description="Anschrift der Einrichtung, keine Privatadressen."),
        Field("website", "Website", "url"),
        Field("email", "E-Mail", "email", description="Funktionsadresse der Einrichtung."),
        Field("phone", "Telefon", max_length=60),
        FIELDS,
        DEMO,
    ), filters=(Filter("actor_kind", "Art", field="kind"), FIELD, DISTRICT),
        columns=("name", "kind", "fields", "districts")),
    Kind("people", "person", "personen", "Person", "Person", "Personen", (
        NAME,
        Field("function", "Funktion", max_length=200),
        Field("email", "E-Mail", "email", private=True),
        Field("phone", "Telefon", private=True, max_length=60),
        Field("consent_note", "Einwilligung", "textarea", private=True, max_length=1000,
              description="Wann und wie die Person der Speicherung ihrer Kontaktdaten zugestimmt hat."),
        DEMO,
    ), filters=(Filter("actor", "Akteur", entries="actors", typeahead=True),),
        columns=("name", "function", "actors")),
    Kind("offers", "offer", "angebote", "Offer", "Angebot", "Angebote", (
        NAME,
        DESCRIPTION,
        FIELDS,
        Field("target_groups", "Zielgruppen", "multi", vocabulary="target_groups"),
        Field("languages", "Sprachen", "multi", vocabulary="languages"),
        Field("address", "Ort / Adresse"),
        Field("weekdays", "Wochentage", "multi", vocabulary="weekdays"),
        Field("time_from", "von (Uhrzeit)", "time"),
        Field("time_to", "bis (Uhrzeit)", "time"),
        Field("frequency", "Rhythmus", "choice", FREQUENCIES),
        Field("capacity", "Plätze", "int"),
        Field("cost", "Kosten", "choice", COSTS),
        Field("access_notes", "Zugang", "multi", ACCESS_NOTES),
        Field("status", "Status", "choice", OFFER_STATUS, required=True),
        Field("contact", "Kontakt", description="Funktionsadresse oder Telefon des Angebots."),
        DEMO,
    ), filters=(FIELD, DISTRICT, Filter("language", "Sprache", field="languages"),
                Filter("target_group", "Zielgruppe", field="target_groups"),
                Filter("weekday", "Wochentag", field="weekdays"), STATUS),
        columns=("name", "providers", "districts", "fields", "status")),
    Kind("districts", "district", "stadtteile", "District", "Stadtteil", "Stadtteile", (
        NAME,
        Field("type", "Typ", "choice", DISTRICT_TYPES, required=True),
        Field("population", "Einwohner*innen", "int"),
        Field("notes", "Notizen", "textarea", max_length=2000,
              description="Z. B. „Soziale Stadt“-Gebiet."),
        DEMO,
    ), filters=(Filter("type", "Typ", field="type"), Filter("district", "gehört zu", entries="districts")),
        columns=("name", "type", "parent")),
    Kind("round_tables", "round_table", "runde-tische", "RoundTable", "Runder Tisch", "Runde Tische", (
        NAME,
        Field("purpose", "Zweck", "textarea", max_length=3000),
        Field("rhythm", "Treffen", description="Z. B. halbjährlich."),
        DEMO,
    ), filters=(DISTRICT,), columns=("name", "rhythm", "members"), importable=False),
    Kind("needs", "need", "bedarfe", "Need", "Bedarf", "Bedarfe", (
        NAME,
        DESCRIPTION,
        Field("field", "Handlungsfeld", "choice", vocabulary="fields"),
        Field("target_group", "Zielgruppe", "choice", vocabulary="target_groups"),
        Field("language", "Sprache", "choice", vocabulary="languages"),
        # what matching compares with an offer's weekdays, times and cost (netzwerk/matching)
        Field("weekdays", "Wochentage", "multi", vocabulary="weekdays",
              description="An welchen Tagen die Menschen kommen können; leer: egal."),
        Field("time_of_day", "Tageszeit", "choice", TIMES_OF_DAY),
        Field("free_of_charge", "Nur kostenlos", "bool",
              description="Das Angebot muss kostenlos sein."),
        Field("reported_at", "Gemeldet am", "date"),
        Field("status", "Status", "choice", NEED_STATUS, required=True),
        DEMO,
    ), filters=(Filter("field", "Handlungsfeld", field="field"), DISTRICT,
                Filter("language", "Sprache", field="language"),
                Filter("target_group", "Zielgruppe", field="target_group"), STATUS),
        columns=("name", "districts", "field", "status"),
        importable=False),
    # events have pages of their own (netzwerk/events/: visibility, calendar, iCal, files),
    # but are entries like any other: history, type-ahead, API, graph export and import
    Kind("events", "event", "veranstaltungen", "Event", "Veranstaltung", "Veranstaltungen", (
        Field("name", "Titel", required=True, max_length=200),
        Field("kind", "Art", "choice", EVENT_KINDS),
        DESCRIPTION,
        Field("discussion_basis", "Diskussionsgrundlage", "markdown", max_length=20000,
              description="Leitfragen und Thesen. Formatierung: ## Überschrift, 1. nummerierte und "
                          "- einfache Listen, **fett**, *kursiv*."),
        Field("starts_at", "Beginn", "datetime", required=True),
        Field("ends_at", "Ende", "datetime"),
        Field("all_day", "Uhrzeit offen", "bool",
              description="Nur der Tag ist bekannt: ganztägig im Kalender, keine Uhrzeit auf der Seite."),
        Field("venue", "Ort", description="Z. B. „Geschäftsstelle der LAG“."),
        Field("address", "Adresse"),
        Field("directions", "Anfahrt", "textarea", max_length=2000),
        Field("online_url", "Online-Teilnahme", "url", max_length=500),
        Field("capacity", "Plätze", "int", description="Leer lassen: unbegrenzt."),
        Field("registration_opens", "Anmeldung ab", "datetime"),
        Field("registration_closes", "Anmeldeschluss", "datetime"),
        Field("visibility", "Sichtbarkeit", "choice", VISIBILITIES, required=True,
              description="Öffentlich: für alle lesbar und im Kalender-Abo. Auf Einladung und intern: "
                          "nur für angemeldete Nutzer*innen."),
        Field("status", "Status", "choice", EVENT_STATUS, required=True,
              description="Ein Entwurf ist nur für angemeldete Nutzer*innen zu sehen."),
        Field("fields", "Themen (Handlungsfelder)", "multi", vocabulary="fields"),
        Field("languages", "Sprachen", "multi", vocabulary="languages"),
        DEMO,
    ), filters=(DISTRICT, Filter("field", "Thema", field="fields"),
                Filter("organiser", "Veranstalter", entries="actors", typeahead=True)),
        columns=("name", "starts_at", "organisers", "districts"), importable=False, pages="events"),
    Kind("series", "series", "reihen", "Series", "Veranstaltungsreihe", "Veranstaltungsreihen", (
        NAME,
        DESCRIPTION,
        Field("rhythm", "Rhythmus", "choice", SERIES_RHYTHMS),
        Field("recurrence", "Wiederholungsregel", "rrule",
              description="Als iCalendar-Regel, ab dem ersten Termin der Reihe: FREQ=WEEKLY;BYDAY=TU ist "
                          "„wöchentlich dienstags“, FREQ=MONTHLY;BYDAY=1WE „jeden ersten Mittwoch“; "
                          "mit ;UNTIL=20271231 oder ;COUNT=10 endet sie. Kalender und iCal-Feed zeigen "
                          "die Termine danach."),
        DEMO,
    ), columns=("name", "rhythm"), importable=False),
)}
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS.values()}
KINDS_BY_LABEL = {kind.label: kind for kind in KINDS.values()}


EVENT_ROLES = (("organiser", "Veranstalter"), ("partner", "Partner"))


@dataclass(frozen=True)
class Link:
    type: str
    source: str  # kind key of the start node
    target: str  # kind key of the end node
    query: str   # the graph/merge_* query that creates it
    out_label: str
    in_label: str
    props: tuple = ()
    private: bool = False  # a person's contacts: only for roles with contacts.read
    symmetric: bool = False

    def prose(self, props):
        """The link's properties as a phrase: "gut bekannt · seit 2018 · Expert/innenrunde 2016"."""
        return " · ".join(spec.phrase(props.get(spec.name)) for spec in self.props
                          if props.get(spec.name) not in (None, "", []))


LINKS = (
    Link("ACTIVE_IN", "actors", "districts", "graph/merge_active_in", "ist aktiv in", "hier aktive Akteure",
         props=(Field("status", "Status", "choice", (("active", "aktiv"), ("planned", "geplant"))),)),
    Link("COOPERATES_WITH", "actors", "actors", "graph/merge_cooperates_with", "kooperiert mit",
         "kooperiert mit", symmetric=True),
    Link("MEMBER_OF", "actors", "round_tables", "graph/merge_member_of", "ist Mitglied in", "Mitglieder"),
    Link("OFFERS", "actors", "offers", "graph/merge_offered_by", "bietet an", "Anbieter"),
    Link("WORKS_AT", "people", "actors", "graph/merge_works_at", "arbeitet bei", "Ansprechpersonen",
         props=(Field("role", "Rolle", max_length=100),)),
    Link("KNOWS", "people", "people", "graph/merge_knows", "kennt", "bekannt mit", private=True,
         symmetric=True, props=(
             Field("strength", "Wie gut", "choice", ((1, "flüchtig"), (2, "gut"), (3, "eng")),
                   extra={"phrase": "{value} bekannt"}),
             Field("since", "seit", max_length=10, description="Jahr oder Datum.",
                   extra={"phrase": "seit {value}"}),
             Field("context", "Kontext", max_length=200, description="Z. B. „Expert/innenrunde 2016“."),
         )),
    Link("IN", "offers", "districts", "graph/merge_offer_in", "findet statt in", "Angebote im Stadtteil"),
    Link("PART_OF", "districts", "districts", "graph/merge_part_of", "gehört zu", "Teilgebiete"),
    Link("NEIGHBOURS", "districts", "districts", "graph/merge_neighbours", "grenzt an", "grenzt an",
         symmetric=True),
    Link("ACTIVE_IN", "round_tables", "districts", "graph/merge_round_table_in", "ist aktiv in",
         "hier aktive Runde Tische"),
    Link("CONTACT_PERSON", "round_tables", "people", "graph/merge_round_table_contact",
         "Ansprechperson", "Ansprechperson für"),
    Link("IN", "needs", "districts", "graph/merge_need_in", "besteht in", "Bedarfe im Stadtteil"),
    Link("REPORTED_BY", "needs", "actors", "graph/merge_need_reported_by_actor", "gemeldet von",
         "gemeldete Bedarfe"),
    Link("REPORTED_BY", "needs", "round_tables", "graph/merge_need_reported_by_round_table",
         "gemeldet von", "gemeldete Bedarfe"),
    Link("MET_BY", "needs", "offers", "graph/merge_need_met_by", "gedeckt durch", "gedeckte Bedarfe"),
    Link("ORGANISED_BY", "events", "actors", "graph/merge_organised_by", "veranstaltet von",
         "Veranstaltungen", props=(Field("role", "Rolle", "choice", EVENT_ROLES),)),
    Link("IN", "events", "districts", "graph/merge_event_in", "im Stadtteil", "Veranstaltungen hier"),
    Link("CONTACT_PERSON", "events", "people", "graph/merge_event_contact", "Ansprechperson",
         "Ansprechperson für Veranstaltung"),
    Link("PREPARES", "events", "events", "graph/merge_event_prepares", "bereitet vor", "vorbereitet durch"),
    Link("IN_SERIES", "events", "series", "graph/merge_event_in_series", "gehört zur Reihe", "Termine"),
)


def link_spec(type_, source, target):
    for link in LINKS:
        if (link.type, link.source, link.target) == (type_, source, target):
            return link
    return None


def links_of(kind_key):
    """(link, direction) pairs for a kind's detail page: "out" where it is the source."""
    pairs = [(link, "out") for link in LINKS if link.source == kind_key]
    pairs += [(link, "in") for link in LINKS if link.target == kind_key and not
              (link.symmetric and link.source == kind_key)]
    return pairs


@dataclass(frozen=True)
class FormLink:
    """A main link set right in a kind's create and edit forms, by type-ahead (more links are
    added on the entry's page)."""
    name: str       # the form field: "districts"
    label: str
    link: Link
    direction: str  # "out": the entry is the link's source
    other: str      # the kind key of the entry picked
    sheet_props: tuple = ()  # the link's properties that are spreadsheet columns too ("role")


FORM_LINKS = {
    "actors": (FormLink("districts", "aktiv im Stadtteil", link_spec("ACTIVE_IN", "actors", "districts"),
                        "out", "districts"),),
    "people": (FormLink("actors", "arbeitet bei (Akteur)", link_spec("WORKS_AT", "people", "actors"),
                        "out", "actors", sheet_props=("role",)),),
    "offers": (FormLink("providers", "Anbieter (Akteur)", link_spec("OFFERS", "actors", "offers"),
                        "in", "actors"),
               FormLink("districts", "im Stadtteil", link_spec("IN", "offers", "districts"),
                        "out", "districts")),
    "events": (FormLink("organisers", "Veranstalter (Akteur)", link_spec("ORGANISED_BY", "events", "actors"),
                        "out", "actors"),
               FormLink("districts", "im Stadtteil", link_spec("IN", "events", "districts"),
                        "out", "districts"),
               FormLink("contact", "Ansprechperson", link_spec("CONTACT_PERSON", "events", "people"),
                        "out", "people"),
               FormLink("prepares", "bereitet vor (Veranstaltung)", link_spec("PREPARES", "events", "events"),
                        "out", "events")),
}
# the link columns of spreadsheet imports and exports, after the field columns: the form
# links, then links named in files only (docs/import.md)
SHEET_LINKS = {key: FORM_LINKS.get(key, ()) + more for key, more in {
    "actors": (), "people": (), "offers": (),
    "districts": (FormLink("part_of", "gehört zu", link_spec("PART_OF", "districts", "districts"),
                           "out", "districts"),),
    "round_tables": (FormLink("districts", "ist aktiv in", link_spec("ACTIVE_IN", "round_tables", "districts"),
                              "out", "districts"),
                     FormLink("members", "Mitglieder", link_spec("MEMBER_OF", "actors", "round_tables"),
                              "in", "actors")),
    "needs": (FormLink("districts", "besteht in", link_spec("IN", "needs", "districts"), "out", "districts"),),
    "events": (), "series": (),
}.items()}
assert set(SHEET_LINKS) == set(KINDS), "every kind has its spreadsheet link columns"
# kinds whose entries need one of these form links, or they drop out of every area filter
LINK_REQUIRED = {"offers": ("providers", "districts")}

# list columns that come from links, not from fields
COLUMN_LABELS = {"districts": "Stadtteile", "providers": "Anbieter", "actors": "Akteure",
                 "parent": "gehört zu", "members": "Mitglieder", "organisers": "Veranstalter"}
