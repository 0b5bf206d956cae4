"""The column layout of spreadsheet imports and exports, per kind (documented in docs/import.md).

Exports use the same columns as imports, so an exported list can be edited and imported again.
List values sit in one cell, separated by semicolons.
"""
from ..i18n import gettext, gettext_in
from ..text import fold
from .model import KINDS

# kind key -> (field columns, link columns: column -> what it names)
LAYOUT = {
    "actors": (("name", "kind", "description", "address", "website", "email", "phone", "fields"),
               {"districts": "districts"}),
    "people": (("name", "function", "email", "phone", "consent_note"),
               {"actors": "actors", "role": None}),
    "offers": (("name", "description", "fields", "target_groups", "languages", "address", "weekdays",
                "time_from", "time_to", "frequency", "capacity", "cost", "access_notes", "status",
                "contact"),
               {"providers": "actors", "districts": "districts"}),
    "districts": (("name", "type", "population", "notes"), {"part_of": "districts"}),
    "round_tables": (("name", "purpose", "rhythm"), {"districts": "districts", "members": None}),
    "needs": (("name", "description", "field", "target_group", "language", "reported_at", "status"),
              {"districts": "districts"}),
}
CONTACT_COLUMNS = ("person", "knows", "since", "context", "strength")
# the headings people read: field columns by their field's label, the rest named here
LINK_COLUMN_LABELS = {"districts": "Stadtteile", "actors": "Akteure", "providers": "Anbieter",
                      "part_of": "gehört zu", "members": "Mitglieder", "role": "Rolle"}
CONTACT_LABELS = {"person": "Person", "knows": "kennt", "since": "seit", "context": "Kontext",
                  "strength": "Wie gut"}
# the list query's column that holds a link column's names, where they differ
LIST_KEYS = {("districts", "part_of"): "parent"}


def columns(kind_key, with_private=True):
    fields, links = LAYOUT[kind_key]
    kind = KINDS[kind_key]
    visible = [f for f in fields if with_private or not kind.field(f).private]
    return visible + list(links)


def heading(kind_key, column):
    """A column's heading in the UI's language (German: "Handlungsfelder", not "fields")."""
    if kind_key == "contacts":
        return gettext(CONTACT_LABELS[column])
    kind = KINDS[kind_key]
    if column in kind.field_names:
        return gettext(kind.field(column).label)
    return gettext(LINK_COLUMN_LABELS.get(column, column))


def headings(kind_key, column_keys):
    return [heading(kind_key, column) for column in column_keys]


def column_key(kind_key, text):
    """The column a heading names: its key, its German or its English heading, any case."""
    keys = CONTACT_COLUMNS if kind_key == "contacts" else (
        list(LAYOUT[kind_key][0]) + list(LAYOUT[kind_key][1]))
    lookup = {}
    for key in keys:
        german = CONTACT_LABELS[key] if kind_key == "contacts" else (
            KINDS[kind_key].field(key).label if key in KINDS[kind_key].field_names
            else LINK_COLUMN_LABELS.get(key, key))
        for name in (key, german, gettext_in("en", german)):
            lookup.setdefault(fold(name), key)
    return lookup.get(fold(text), (text or "").strip().lower())


def cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value
