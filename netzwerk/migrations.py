"""Data migrations: bring a graph written by an older netzwerk to what the code expects.

Applied once at start-up by the app that opens the database (never by a test's app), and
recorded in a :Meta node, so later starts cost one read.
"""
from .clock import now_iso
from .fields import FieldError
from .register.model import KINDS, KINDS_BY_LABEL
from .register.service import entry_props

DATA_VERSION = 4
# properties of the events seeded before events were a kind of the register
OLD_EVENT_PROPS = ("registration_deadline", "questions", "theses", "approaches")
OLD_EVENT_STATUS = {"done": "published", "planned": "published"}


def migrate(store, echo=lambda text: None):
    """Applies the migrations this graph has not seen; returns what each one changed."""
    row = store.read_one("system/get_data_version")
    version = row["version"] if row else 0
    report = {}
    # events first: the vocabulary migration reads every kind, events included, and would
    # report their old statuses ("done") as unknown words
    if version < 2:
        report["events"] = migrate_events(store)
        if report["events"]["changed"]:
            echo(f"Datenmigration: {report['events']['changed']} Veranstaltungen auf die neuen Felder "
                 "umgestellt (Diskussionsgrundlage, Anmeldeschluss, Sichtbarkeit, Status).")
    if version < 1:
        report["vocabularies"] = migrate_vocabularies(store)
        changed = sum(report["vocabularies"]["changed"].values())
        if changed:
            echo(f"Datenmigration: {changed} Einträge auf feste Wortlisten (Sprachen, Zielgruppen, "
                 "Handlungsfelder, Wochentage) umgestellt.")
    if version < 3:
        # the counter of confirmed places create_registrations reads instead of counting
        report["registration_counters"] = store.write("registrations/count_confirmed_registrations")[0]["events"]
    if version < 4:
        # the type-ahead's equality index on a name's first two characters
        report["name_starts"] = store.write("register/set_name_starts")[0]["entries"]
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


def migrate_events(store):
    """Events as the register's kind: the :Entry label, and the old seed's fields in the new ones.

    status done/planned -> published; registration_deadline (a day) -> registration_closes at
    23:59 of that day; questions, theses and approaches -> the discussion basis as Markdown; a
    start without a time -> that day with "Uhrzeit offen"; no visibility -> public. A value a
    field refuses is kept as it was: nothing typed is lost.
    """
    labelled = store.write("events/label_events_as_entries")[0]["labelled"]
    kind, rows = KINDS["events"], []
    for node in store.read("graph/export_nodes"):
        if node["label"] != "Event":
            continue
        old = node["props"]
        values = {spec.name: old.get(spec.name) for spec in kind.fields}
        values["status"] = OLD_EVENT_STATUS.get(old.get("status"), old.get("status") or "published")
        values["visibility"] = old.get("visibility") or "public"
        starts = old.get("starts_at") or ""
        if len(starts) == 10:  # a day without a time
            values["starts_at"], values["all_day"] = f"{starts}T00:00", True
        deadline = old.get("registration_deadline")
        if deadline and not old.get("registration_closes"):
            values["registration_closes"] = f"{deadline}T23:59" if len(deadline) == 10 else deadline
        if not old.get("discussion_basis"):
            values["discussion_basis"] = _discussion_basis(old) or None
        parsed = {}
        for spec in kind.fields:
            try:
                parsed[spec.name] = spec.parse(values[spec.name])
            except FieldError:
                parsed[spec.name] = values[spec.name]
        props = {**entry_props(kind, parsed), **{name: None for name in OLD_EVENT_PROPS}}
        if any(old.get(k) != v for k, v in props.items()):
            rows.append({"uid": old["uid"], "props": props})
    for start in range(0, len(rows), 1000):
        store.write("register/set_entry_props", rows=rows[start:start + 1000])
    return {"labelled": labelled, "changed": len(rows)}


def _discussion_basis(old):
    parts = []
    for key, heading, numbered in (("questions", "Leitfragen", True), ("theses", "Thesen", True),
                                   ("approaches", "Ansätze", False)):
        items = old.get(key) or []
        if isinstance(items, str):
            items = [items]
        if items:
            lines = [f"{index}. {item}" if numbered else f"- {item}" for index, item in enumerate(items, 1)]
            parts.append(f"## {heading}\n\n" + "\n".join(lines))
    return "\n\n".join(parts)
