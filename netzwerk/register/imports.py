"""Spreadsheet import: read a CSV or XLSX file, plan row by row, then apply all rows or none.

The plan is the dry run: for every row it says create, update, unchanged or rejected (with
the reason). Applying refuses a plan with a rejected row, and writes everything else in one
statement, so a file is imported whole or not at all. Rows are matched to existing entries
by their folded name, so importing the same file twice changes nothing.
"""
import csv
import io
from dataclasses import dataclass, field

from ..errors import DomainError
from ..text import fold, new_uid
from .columns import CONTACT_COLUMNS, LAYOUT, LIST_KEYS
from .model import KINDS
from .service import entry_props

MAX_ROWS = 5000
IMPORT_KINDS = ("actors", "people", "offers", "districts", "contacts")


class ImportFileError(DomainError):
    status = 400
    title = "Datei nicht lesbar"


@dataclass
class RowResult:
    line: int
    name: str
    action: str  # create | update | unchanged | rejected
    reason: str = ""
    changed: list = field(default_factory=list)


@dataclass
class ImportPlan:
    kind: str
    results: list
    writes: list  # rows for the import query
    notes: list = field(default_factory=list)

    @property
    def rejected(self):
        return [r for r in self.results if r.action == "rejected"]

    def count(self, action):
        return sum(1 for r in self.results if r.action == action)


# --- reading files -------------------------------------------------------------------------
def read_table(filename, data):
    """(header, rows) of the first sheet or the CSV text; clear German errors for bad files."""
    if not data:
        raise ImportFileError("Die Datei ist leer.")
    if (filename or "").lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        rows = _read_xlsx(data)
    else:
        rows = _read_csv(data)
    rows = [[_clean_cell(c) for c in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise ImportFileError("Die Datei enthält keine Zeilen.")
    header = [c.strip().lower() for c in rows[0]]
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(f"Die Datei hat mehr als {MAX_ROWS} Zeilen. Bitte teilen Sie sie auf.")
    return header, rows[1:]


def _clean_cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # undo the export's guard against spreadsheet formulas
    return text


def _read_xlsx(data):
    from openpyxl import load_workbook
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)]
        workbook.close()
        return rows
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise ImportFileError("Die Datei ist keine lesbare Excel-Datei (.xlsx). Bitte als .xlsx "
                              "oder .csv speichern.") from exc


def _read_csv(data):
    if b"\x00" in data[:65536]:
        raise ImportFileError("Die Datei ist keine Textdatei. Bitte eine CSV- oder XLSX-Datei hochladen.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # what Excel on Windows writes as "CSV"
        except UnicodeDecodeError as exc:
            raise ImportFileError("Die Zeichenkodierung der Datei ist unbekannt. Bitte als "
                                  "„CSV UTF-8“ speichern.") from exc
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(f"Die CSV-Datei ist fehlerhaft: {exc}") from exc


# --- planning ------------------------------------------------------------------------------
def _split(text):
    return [part.strip() for part in text.split(";") if part.strip()]


def _parse_field(spec, text):
    """The value of one cell for a field, or raises ValueError (FieldError) with the German reason."""
    return spec.parse_text(text)


class _Names:
    """Resolves names in link columns to uids: existing entries plus the file's own new rows."""

    def __init__(self, register, kind_key):
        self.kind = KINDS[kind_key]
        self.by_key = {}
        for uid, name in register.options(self.kind):
            self.by_key.setdefault(fold(name), []).append(uid)

    def add(self, name, uid):
        self.by_key.setdefault(fold(name), [])
        if uid not in self.by_key[fold(name)]:
            self.by_key[fold(name)].append(uid)

    def resolve(self, name):
        uids = self.by_key.get(fold(name), [])
        if not uids:
            raise ValueError(f"{self.kind.singular} „{name}“ ist nicht bekannt")
        if len(uids) > 1:
            raise ValueError(f"{self.kind.singular} „{name}“ ist mehrdeutig ({len(uids)} Einträge)")
        return uids[0]


def plan_import(register, kind_key, header, rows):
    if kind_key == "contacts":
        return _plan_contacts(register, header, rows)
    if kind_key not in LAYOUT or kind_key not in IMPORT_KINDS:
        raise ImportFileError("Diese Art von Einträgen kann nicht importiert werden.")
    kind = KINDS[kind_key]
    fields, links = LAYOUT[kind_key]
    _check_header(header)
    existing, ambiguous = {}, set()
    for row in register.export_rows(kind, with_private=True):
        if fold(row["name"]) in existing:
            ambiguous.add(fold(row["name"]))  # two entries with the same name: which to update?
        existing[fold(row["name"])] = row
    targets = {column: _Names(register, target) for column, target in links.items() if target}

    # first pass: which rows are new, so that rows may refer to each other (a district's parent)
    seen, cells_by_line = {}, []
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row + [""] * (len(header) - len(row))))
        cells_by_line.append((number, cells))
        name = cells.get("name", "")
        if name and fold(name) not in existing and fold(name) not in seen:
            seen[fold(name)] = new_uid()
            if kind_key == "districts":  # a new district may be the parent of another row
                targets["part_of"].add(name, seen[fold(name)])

    results, writes, first_line = [], [], {}
    for number, cells in cells_by_line:
        name = cells.get("name", "")
        key = fold(name)
        if key and key in first_line:
            results.append(RowResult(number, name, "rejected", f"doppelte Zeile (wie Zeile {first_line[key]})"))
            continue
        first_line[key] = number
        if key in ambiguous:
            results.append(RowResult(number, name, "rejected",
                                     f"es gibt mehrere Einträge „{name}“; bitte im Register zusammenführen"))
            continue
        values, link_uids, problems = {}, {}, []  # every problem of a row, not just the first
        for column in fields:
            if column in cells:
                try:
                    values[column] = _parse_field(kind.field(column), cells[column])
                except ValueError as reason:
                    problems.append(str(reason))
        for column in targets:
            if column in cells:
                link_uids[column] = []
                for other in _split(cells[column]):
                    try:
                        link_uids[column].append(targets[column].resolve(other))
                    except ValueError as reason:
                        problems.append(str(reason))
        if problems:
            results.append(RowResult(number, name, "rejected", "; ".join(problems)))
            continue
        current = existing.get(key)
        merged = {**(current or {}), **values}
        props = entry_props(kind, merged)
        if current is None:
            action, changed = "create", [f for f, v in values.items() if v not in (None, [])]
        else:
            changed = [f for f in values if _differs(current.get(f), props.get(f))]
            changed += [c for c, uids in link_uids.items() if _new_links(current, kind_key, c, uids, targets)]
            action = "update" if changed else "unchanged"
        results.append(RowResult(number, name, action, changed=changed))
        if action in ("create", "update"):
            write = {"uid": current["uid"] if current else seen[key], "props": props,
                     "change_uid": new_uid(), "action": action, "changed": changed}
            for column, target in links.items():
                if target:
                    write[column] = link_uids.get(column, [])
            if kind_key == "people":
                write["role"] = cells.get("role") or None
            writes.append(write)
    return ImportPlan(kind_key, results, writes, _unknown_columns(header, fields + tuple(links)))


def _differs(old, new):
    if isinstance(old, list) or isinstance(new, list):
        return sorted(old or []) != sorted(new or [])
    return (old if old not in ("", None) else None) != (new if new not in ("", None) else None)


def _new_links(current, kind_key, column, uids, targets):
    """True when the row names a link the entry does not have yet (imports only add links)."""
    present = {fold(n) for n in current.get(LIST_KEYS.get((kind_key, column), column)) or []}
    key_of = {uid: key for key, ids in targets[column].by_key.items() for uid in ids}
    return any(key_of.get(uid) not in present for uid in uids)


def _check_header(header):
    if "name" not in header:
        raise ImportFileError("Die Spalte „name“ fehlt. Bitte die Vorlage verwenden: die erste Zeile "
                              "enthält die Spaltennamen.")
    duplicates = {c for c in header if c and header.count(c) > 1}
    if duplicates:
        raise ImportFileError(f"Die Spalte „{sorted(duplicates)[0]}“ kommt mehrfach vor.")


def _unknown_columns(header, allowed):
    unknown = [c for c in header if c and c not in allowed]
    return [f"Die Spalte „{c}“ ist unbekannt und wird ignoriert." for c in unknown]


def _plan_contacts(register, header, rows):
    for column in ("person", "knows"):
        if column not in header:
            raise ImportFileError(f"Die Spalte „{column}“ fehlt. Bitte die Vorlage verwenden.")
    people = _Names(register, "people")
    existing = {(r["from"], r["to"]): r for r in register.contact_links()}
    strength_spec = next(p for p in _knows_props() if p.name == "strength")
    results, writes, seen = [], [], {}
    for number, row in enumerate(rows, start=2):
        cells = dict(zip(header, row + [""] * (len(header) - len(row))))
        label = f"{cells.get('person', '')} → {cells.get('knows', '')}"
        try:
            source, target = people.resolve(cells.get("person", "")), people.resolve(cells.get("knows", ""))
            if source == target:
                raise ValueError("eine Person kann sich nicht selbst kennen")
            strength = _parse_field(strength_spec, cells.get("strength", ""))
        except ValueError as reason:
            results.append(RowResult(number, label, "rejected", str(reason)))
            continue
        if (source, target) in seen:
            results.append(RowResult(number, label, "rejected", f"doppelte Zeile (wie Zeile {seen[(source, target)]})"))
            continue
        seen[(source, target)] = number
        values = {"since": cells.get("since") or None, "context": cells.get("context") or None,
                  "strength": strength}
        current = existing.get((source, target))
        if current is None:
            action, changed = "create", [k for k, v in values.items() if v]
        else:
            changed = [k for k, v in values.items() if _differs(current.get(k), v)]
            action = "update" if changed else "unchanged"
        results.append(RowResult(number, label, action, changed=changed))
        if action != "unchanged":
            writes.append({"from": source, "to": target, "change_uid": new_uid(), **values})
    return ImportPlan("contacts", results, writes, _unknown_columns(header, CONTACT_COLUMNS))


def _knows_props():
    from .model import LINKS
    return next(link.props for link in LINKS if link.type == "KNOWS")


def apply_import(register, plan, by, now):
    """Writes the whole plan in one statement; refuses a plan with rejected rows."""
    if plan.rejected:
        raise ImportFileError(f"{len(plan.rejected)} Zeile(n) können nicht importiert werden; es wurde "
                              "nichts gespeichert. Bitte die Datei korrigieren und erneut prüfen.")
    register.apply_import(plan.kind, plan.writes, by, now)
    return len(plan.writes)


def template_rows(kind_key):
    """The column layout, and one example row, for the downloadable templates."""
    if kind_key == "contacts":
        return list(CONTACT_COLUMNS), [["Team Horizont", "Team Nachbarschaftsbüro", "2015",
                                        "Nachbarschaftscafé", "2"]]
    fields, links = LAYOUT[kind_key]
    header = list(fields) + list(links)
    examples = {
        "actors": {"name": "Kinder- und Jugendhaus Horizont", "kind": "Jugendeinrichtung",
                   "fields": "Kinder und Jugend; Stadtteilkultur", "districts": "Düsternort"},
        "people": {"name": "Team Horizont", "function": "Offene Kinder- und Jugendarbeit",
                   "actors": "Kinder- und Jugendhaus Horizont", "role": "Pädagogische Fachkraft"},
        "offers": {"name": "Nachbarschaftscafé", "fields": "Stadtteilkultur", "languages": "Deutsch; Arabisch",
                   "weekdays": "Mittwoch", "time_from": "10:00", "time_to": "12:00", "frequency": "wöchentlich",
                   "cost": "kostenlos", "status": "aktiv", "providers": "Kinder- und Jugendhaus Horizont",
                   "districts": "Düsternort"},
        "districts": {"name": "Düsternort", "type": "Stadtteil", "part_of": "Delmenhorst"},
    }[kind_key]
    return header, [[examples.get(c, "") for c in header]]

