"""The column layout of spreadsheet imports and exports, per kind (documented in docs/import.md).

Exports use the same columns as imports, so an exported list can be edited and imported again.
List values sit in one cell, separated by semicolons.
"""
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
# the list query's column that holds a link column's names, where they differ
LIST_KEYS = {("districts", "part_of"): "parent"}


def columns(kind_key, with_private=True):
    fields, links = LAYOUT[kind_key]
    kind = KINDS[kind_key]
    visible = [f for f in fields if with_private or not kind.field(f).private]
    return visible + list(links)


def cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value
