"""The column layout of spreadsheet imports and exports, per kind (documented in docs/import.md).

Exports use the same columns as imports, so an exported list can be edited and imported again.
List values sit in one cell, separated by semicolons.
"""
from ..i18n import gettext, gettext_in
from ..text import fold
from .model import COLUMN_LABELS, KINDS, SHEET_LINKS


def _layout(kind):
    """(field columns, {link column: the kind it names, or None}), derived from the model: the
    fields that are columns (not the demo flag), then the kind's spreadsheet links and the
    link properties they carry."""
    fields = tuple(spec.name for spec in kind.fields if spec.row)
    links = {}
    for sheet_link in SHEET_LINKS[kind.key]:
        links[sheet_link.name] = sheet_link.other
        links.update({prop: None for prop in sheet_link.sheet_props})
    return fields, links


# kind key -> (field columns, link columns)
LAYOUT = {key: _layout(kind) for key, kind in KINDS.items()}
CONTACT_COLUMNS = ("person", "knows", "since", "context", "strength")
CONTACT_LABELS = {"person": "Person", "knows": "kennt", "since": "seit", "context": "Kontext",
                  "strength": "Wie gut"}
# the list query's column that holds a link column's names, where they differ
LIST_KEYS = {("districts", "part_of"): "parent"}


def _link_column_label(kind_key, column):
    """A link column's German heading: the list's heading of that column, or the link property's label."""
    label = COLUMN_LABELS.get(LIST_KEYS.get((kind_key, column), column))
    if label:
        return label
    for sheet_link in SHEET_LINKS[kind_key]:
        for prop in sheet_link.link.props:
            if prop.name == column and column in sheet_link.sheet_props:
                return prop.label
    return column


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
    return gettext(_link_column_label(kind_key, column))


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
            else _link_column_label(kind_key, key))
        for name in (key, german, gettext_in("en", german)):
            lookup.setdefault(fold(name), key)
    return lookup.get(fold(text), (text or "").strip().lower())


def cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value
