"""Data migrations: bring a graph written by an older netzwerk to what the code expects.

Applied once at start-up by the app that opens the database (never by a test's app), and
recorded in a :Meta node, so later starts cost one read.
"""
from .clock import now_iso
from .fields import FieldError
from .register.model import KINDS_BY_LABEL

DATA_VERSION = 1


def migrate(store, echo=lambda text: None):
    """Applies the migrations this graph has not seen; returns what each one changed."""
    row = store.read_one("system/get_data_version")
    version = row["version"] if row else 0
    report = {}
    if version < 1:
        report["vocabularies"] = migrate_vocabularies(store)
        changed = sum(report["vocabularies"]["changed"].values())
        if changed:
            echo(f"Datenmigration: {changed} Einträge auf feste Wortlisten (Sprachen, Zielgruppen, "
                 "Handlungsfelder, Wochentage) umgestellt.")
    if version < DATA_VERSION:
        store.write("system/set_data_version", version=DATA_VERSION, now=now_iso())
    return report


def migrate_vocabularies(store):
    """Free text and German labels in vocabulary fields become codes ("Arabisch" -> "ar").

    A word that matches no term is kept as it is and reported: nothing typed is lost.
    """
    changed, unknown, rows = {}, set(), []
    for node in store.read("graph/export_nodes"):
        kind = KINDS_BY_LABEL.get(node["label"])
        if kind is None:
            continue
        props = {}
        for spec in kind.fields:
            value = node["props"].get(spec.name)
            if not spec.choices or value in (None, [], ""):
                continue
            new = _codes(spec, value, unknown)
            if new != value:
                props[spec.name] = new
        if props:
            rows.append({"uid": node["props"]["uid"], "props": props})
            changed[kind.key] = changed.get(kind.key, 0) + 1
    for start in range(0, len(rows), 1000):
        store.write("register/set_entry_props", rows=rows[start:start + 1000])
    return {"changed": changed, "unknown": sorted(unknown)}


def _codes(spec, value, unknown):
    values = value if isinstance(value, list) else [value]
    codes = []
    for item in values:
        try:
            code = spec.kind.parse(spec, item) if not spec.is_list else spec.kind.parse(spec, [item])[0]
        except (FieldError, IndexError, TypeError):
            unknown.add(f"{spec.label}: {item}")
            code = item
        if code not in codes:
            codes.append(code)
    return codes if isinstance(value, list) else codes[0]
