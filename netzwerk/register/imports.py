"""Spreadsheet import: read a CSV or XLSX file, plan row by row, then apply all rows or none.

The plan is the dry run: for every row it says create, update, unchanged or rejected (with
the reason). Applying refuses a plan with a rejected row, and writes everything else in one
statement, so a file is imported whole or not at all. Rows are matched to existing entries
by their folded name, so importing the same file twice changes nothing.
"""
import csv
import difflib
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from ..errors import DomainError
from ..i18n import gettext as _
from ..i18n import ngettext
from ..text import fold, new_uid
from .columns import column_key, headings, CONTACT_COLUMNS, LAYOUT, LIST_KEYS
from .model import KINDS
from .service import entry_props

MAX_ROWS = 5000  # below the header
MAX_LINK_NAMES = 100  # names in one cell of a link column
MAX_PROBLEMS_SHOWN = 5  # per row: the page stays small whatever the file holds
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
# Limits, all checked before or while reading in time linear in the file: a small hostile
# file must not tie up a worker (a zip that unpacks to gigabytes, a sheet claiming 16,384
# columns, a CSV row of 100,000 cells).
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
MAX_TEXT_CHARS = 20_000_000  # all cells together: no more than a 20 MB CSV can hold
MAX_XLSX_PART_MB = 20  # any one part of an .xlsx (a zip of XML files), unpacked
MAX_XLSX_UNPACKED_MB = 50  # all parts together, unpacked
MAX_XLSX_RATIO = 100  # unpacked / packed for parts above 1 MB; ordinary sheets pack 5–15 fold
MAX_XLSX_PARTS = 1000
# cells (and shared texts) in all of an .xlsx: openpyxl spends microseconds on each, even an
# empty formatted one; the widest import has 17 columns, so 5,000 rows of 30 columns fit
MAX_XLSX_CELLS = 150_000
_MB = 1024 * 1024
# for the import page
IMPORT_LIMITS = {"rows": MAX_ROWS, "columns": MAX_COLUMNS, "chars": MAX_CELL_CHARS, "cells": MAX_XLSX_CELLS}
# start tags of a cell and of a shared text, with or without a namespace prefix (<c r="A1">, <x:c/>)
_XLSX_TAGS = (re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]"), re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]"))


def read_table(filename, data):
    """(header, rows) of the first sheet or the CSV text; clear German errors for bad files."""
    if not data:
        raise ImportFileError("Die Datei ist leer.")
    is_xlsx = (filename or "").lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04"
    rows, text_chars = [], 0
    source = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
    try:
        for line, raw in source:
            if _blank(raw):
                continue  # an empty row (also ";;;;" and formatted empty rows)
            cells = [_clean_cell(c) for c in raw]
            for index, text in enumerate(cells):
                if len(text) > MAX_CELL_CHARS:
                    raise ImportFileError("Zeile {line}, Spalte {column}: Die Zelle hat mehr als {max} Zeichen. "
                                          "Bitte kürzen Sie den Text.",
                                          line=line, column=_column_letter(index + 1), max=MAX_CELL_CHARS)
                text_chars += len(text)
            if text_chars > MAX_TEXT_CHARS:
                raise ImportFileError("Die Tabelle enthält mehr als {max} Zeichen Text. Bitte teilen Sie sie "
                                      "auf.", max=MAX_TEXT_CHARS)
            rows.append(cells)
            if len(rows) - 1 > MAX_ROWS:
                raise ImportFileError("Die Datei hat mehr als {max} Zeilen. Bitte teilen Sie sie auf.",
                                      max=MAX_ROWS)
    finally:
        source.close()  # closes the workbook at once when a limit stops the reading
    if not rows:
        raise ImportFileError("Die Datei enthält keine Zeilen.")
    if is_xlsx:
        rows = _same_width(rows)
    header = [c.strip().lower() for c in rows[0]]
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


def _column_letter(number):
    """1 -> A, 27 -> AA: the column as a spreadsheet program names it."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _same_width(rows):
    """A sheet's rows cut to the widest row's last filled cell: every row as wide as the header."""
    width = max(max((i + 1 for i, c in enumerate(row) if c), default=0) for row in rows)
    return [row[:width] + [""] * (width - len(row)) for row in rows]


def _blank(raw):
    try:
        return not "".join(raw).strip()  # a CSV row: text only, checked in one go
    except TypeError:  # a sheet's row: numbers, dates, empty cells
        return all(c is None or not str(c).strip() for c in raw)


def _unreadable_xlsx():
    return ImportFileError("Die Datei ist keine lesbare Excel-Datei (.xlsx). Bitte als .xlsx oder .csv speichern.")


def _check_xlsx_archive(archive):
    """Refuses a zip that would unpack to far more than a register's sheet needs (a zip bomb), and
    a workbook with more cells or texts than the limit, all before openpyxl reads any of it."""
    parts = archive.infolist()
    if len(parts) > MAX_XLSX_PARTS:  # a workbook has a few dozen
        raise ImportFileError("Die Excel-Datei besteht aus mehr als {max} Teilen. Bitte speichern Sie die "
                              "Tabelle als CSV und laden Sie diese hoch.", max=MAX_XLSX_PARTS)
    total = 0
    for part in parts:
        total += part.file_size  # the unpacked size; zipfile never unpacks more than it
        if part.file_size > MAX_XLSX_PART_MB * _MB or total > MAX_XLSX_UNPACKED_MB * _MB:
            raise ImportFileError("Die Excel-Datei ist entpackt zu groß (höchstens {max} MB je Teil, {total} MB "
                                  "insgesamt). Bitte teilen Sie die Tabelle auf oder speichern Sie sie als CSV.",
                                  max=MAX_XLSX_PART_MB, total=MAX_XLSX_UNPACKED_MB)
        if part.file_size > _MB and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1):
            raise ImportFileError("Die Excel-Datei ist ungewöhnlich stark gepackt (mehr als {ratio}-fach) und wird "
                                  "deshalb nicht geöffnet. Bitte speichern Sie die Tabelle als CSV und laden Sie "
                                  "diese hoch.", ratio=MAX_XLSX_RATIO)
    counts = [0, 0]
    for part in parts:
        content = archive.read(part)
        for index, tag in enumerate(_XLSX_TAGS):
            for _match in tag.finditer(content):  # stops at the limit: linear, and short
                counts[index] += 1
                if counts[index] > MAX_XLSX_CELLS:
                    raise ImportFileError(
                        "Die Excel-Datei hat mehr als {max} Zellen (z. B. {rows} Zeilen mal {columns} Spalten). "
                        "Bitte teilen Sie die Datei auf, löschen Sie weitere Tabellenblätter und formatierte "
                        "leere Bereiche, oder speichern Sie die Tabelle als CSV.",
                        max=MAX_XLSX_CELLS, rows=MAX_ROWS, columns=MAX_XLSX_CELLS // MAX_ROWS)


def _check_sheet_size(sheet):
    """The sheet's claimed size (its <dimension ref>, read by openpyxl before any cell)."""
    if (sheet.max_column or 0) > MAX_COLUMNS:
        raise ImportFileError("Die Tabelle reicht bis Spalte {column} ({count} Spalten); höchstens {max} sind "
                              "möglich. Bitte löschen Sie die Spalten rechts neben den Daten, auch leere mit "
                              "Formatierung, oder speichern Sie die Tabelle als CSV.",
                              column=_column_letter(sheet.max_column), count=sheet.max_column, max=MAX_COLUMNS)
    if (sheet.max_row or 0) > MAX_ROWS + 1:
        raise ImportFileError("Die Tabelle reicht bis Zeile {row}; höchstens {max} Zeilen unter der Kopfzeile "
                              "sind möglich. Bitte teilen Sie die Datei auf, oder löschen Sie die Zeilen unter "
                              "den Daten, auch leere mit Formatierung.", row=sheet.max_row, max=MAX_ROWS)


def _xlsx_rows(data):
    """(row number, values) of the first sheet, at most MAX_COLUMNS wide."""
    from openpyxl import load_workbook
    workbook = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_xlsx_archive(archive)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        _check_sheet_size(sheet)
        # max_col: the cells beyond are never built, whatever the sheet claims
        rows = sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS + 1)
        for line, row in enumerate(rows, start=1):
            if line > MAX_ROWS + 1:
                raise ImportFileError("Die Datei hat mehr als {max} Zeilen. Bitte teilen Sie sie auf, oder "
                                      "löschen Sie die Zeilen unter den Daten, auch leere mit Formatierung.",
                                      max=MAX_ROWS)
            if len(row) > MAX_COLUMNS and row[MAX_COLUMNS] not in (None, ""):
                raise ImportFileError("Zeile {line} hat Werte in mehr als {max} Spalten; höchstens {max} sind "
                                      "möglich. Bitte entfernen Sie überflüssige Spalten oder teilen Sie die "
                                      "Datei auf.", line=line, max=MAX_COLUMNS)
            yield line, row[:MAX_COLUMNS]
    except ImportFileError:
        raise
    except Exception as exc:  # zipfile and openpyxl raise many kinds for broken files
        raise _unreadable_xlsx() from exc
    finally:
        if workbook is not None:
            workbook.close()


def _check_line_length(text, limit):
    """Refuses a line longer than `limit` before the csv module splits it into cells (a 20 MB line of
    "a;" would be ten million cells). Linear: each step jumps to the last line break within reach."""
    start = 0
    while len(text) - start > limit:
        newline = text.rfind("\n", start, start + limit + 1)
        if newline < 0:
            raise ImportFileError("Zeile {line} ist länger als {max} Zeichen: zu viele Spalten oder zu lange "
                                  "Zellen. Bitte prüfen Sie die Datei.",
                                  line=text.count("\n", 0, start) + 1, max=limit)
        start = newline + 1


def _csv_rows(data):
    """(row number, cells) of a CSV file's rows that are not blank lines."""
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
    end = text.find("\n")
    first_line = text if end < 0 else text[:end]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    _check_line_length(text, MAX_COLUMNS * (MAX_CELL_CHARS + 3))  # every cell quoted, plus its separator
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    line = 0
    try:
        for line, row in enumerate(reader, start=1):
            if not row:
                continue  # a blank line: skipped here, cheaply, however many there are
            if len(row) > MAX_COLUMNS:
                raise ImportFileError("Zeile {line} hat {cells} Zellen; höchstens {max} Spalten sind möglich. "
                                      "Stimmt das Trennzeichen? Bitte prüfen Sie die Datei oder teilen Sie sie auf.",
                                      line=line, cells=len(row), max=MAX_COLUMNS)
            yield line, row
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportFileError("Zeile {line}: Eine Zelle hat mehr als {max} Zeichen. Bitte kürzen Sie den "
                                  "Text.", line=line + 1, max=MAX_CELL_CHARS) from exc
        raise ImportFileError("Die CSV-Datei ist in Zeile {line} fehlerhaft. Bitte prüfen Sie die "
                              "Anführungszeichen.", line=line + 1) from exc


# --- planning ------------------------------------------------------------------------------
def _split(text):
    return [part.strip() for part in text.split(";") if part.strip()]


def _shown(text, limit=80):
    """A value from the file as it is repeated on the result page: never more than `limit` characters."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _row_cells(header, row):
    """The row's cells by column name, and the reason why the row cannot be imported, or None.

    More cells than columns: in a semicolon-separated file an unquoted „Beratung; Sprache“
    is two cells, and every later cell would land in the wrong column.
    """
    cells = dict(zip(header, row + [""] * (len(header) - len(row))))
    if len(row) > len(header):
        return cells, _("mehr Zellen als Spalten ({cells} statt {columns}) – stehen mehrere Werte ohne "
                       "Anführungszeichen in einer Zelle? Bitte die Zelle in Anführungszeichen setzen "
                       "(\"Beratung; Sprache\") oder die Datei mit Komma trennen",
                       cells=len(row), columns=len(header))
    return cells, None


def _reason(problems):
    """Every problem of a row once, the first few in full."""
    problems = list(dict.fromkeys(problems))
    if len(problems) <= MAX_PROBLEMS_SHOWN:
        return "; ".join(problems)
    return "; ".join(problems[:MAX_PROBLEMS_SHOWN] + [
        _("und {count} weitere", count=len(problems) - MAX_PROBLEMS_SHOWN)])


def _parse_field(spec, text):
    """The value of one cell for a field, or raises ValueError (FieldError) with the German reason."""
    return spec.parse_text(text)


_PUNCTUATION = re.compile(r"[\W_]+")


class _Names:
    """Resolves names in link columns to uids: existing entries plus the file's own new rows."""

    SUGGESTED = 20  # distinct unknown names that get suggestions: bounded work per file

    def __init__(self, register, kind_key):
        self.kind = KINDS[kind_key]
        self.by_key, self.written = {}, {}  # folded name -> uids / the name as written
        self.suggestions = {}  # unknown name (folded, punctuation as spaces) -> the names it may have meant
        self.known = None
        for uid, name in register.options(self.kind):
            self.add(name, uid)

    def add(self, name, uid):
        key = fold(name)
        self.by_key.setdefault(key, [])
        self.written.setdefault(key, name)
        if uid not in self.by_key[key]:
            self.by_key[key].append(uid)

    def resolve(self, name):
        uids = self.by_key.get(fold(name), [])
        kind = _(self.kind.singular)
        if not uids:
            meant = self.suggest(name)
            if not meant:
                raise ValueError(_("{kind} „{name}“ ist nicht bekannt", kind=kind, name=_shown(name)))
            if len(meant) == 1:
                raise ValueError(_("{kind} „{name}“ ist nicht bekannt – meinten Sie „{first}“?",
                                   kind=kind, name=_shown(name), first=meant[0]))
            raise ValueError(_("{kind} „{name}“ ist nicht bekannt – meinten Sie „{first}“ oder "
                               "„{second}“?", kind=kind, name=_shown(name), first=meant[0], second=meant[1]))
        if len(uids) > 1:
            raise ValueError(_("{kind} „{name}“ ist mehrdeutig ({count} Einträge)",
                               kind=kind, name=_shown(name), count=len(uids)))
        return uids[0]

    def suggest(self, name):
        """At most two known names close to an unknown one: a name containing it ("Nordstadt" ->
        "Innenstadt-Nord (Nordstadt)") first, then the most similar spellings. Punctuation counts
        as a space, so "Innenstadt Nord" finds "Innenstadt-Nord (Nordstadt)" too."""
        key = _words(fold(name))
        if key not in self.suggestions:
            if len(self.suggestions) >= self.SUGGESTED or len(key) > 200:
                return []
            if self.known is None:  # built once, after the file's own new names were added
                self.known = {_words(k): written for k, written in self.written.items()}
            known = self.known
            word = f" {key} "  # whole words: "Ost" suggests "Innenstadt-Ost", not "Hostel"
            containing = sorted((k for k in known if len(key) >= 3 and word in f" {k} "), key=lambda k: (len(k), k))
            similar = difflib.get_close_matches(key, list(known), n=2, cutoff=0.75)
            self.suggestions[key] = [known[k] for k in dict.fromkeys(containing[:2] + similar)][:2]
        return self.suggestions[key]


def _words(text):
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def plan_import(register, kind_key, header, rows):
    if kind_key in LAYOUT or kind_key == "contacts":  # German, English or key headings alike
        header = [column_key(kind_key, text) for text in header]
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
        cells, unreadable = _row_cells(header, row)
        cells_by_line.append((number, cells, unreadable))
        name = cells.get("name", "")
        if name and not unreadable and fold(name) not in existing and fold(name) not in seen:
            seen[fold(name)] = new_uid()
            if kind_key == "districts":  # a new district may be the parent of another row
                targets["part_of"].add(name, seen[fold(name)])

    results, writes, first_line = [], [], {}
    for number, cells, unreadable in cells_by_line:
        name = cells.get("name", "")
        key, shown = fold(name), _shown(name, 200)
        if unreadable:
            results.append(RowResult(number, shown, "rejected", unreadable))
            continue
        if key and key in first_line:
            results.append(RowResult(number, shown, "rejected",
                                     _("doppelte Zeile (wie Zeile {line})", line=first_line[key])))
            continue
        first_line[key] = number
        if key in ambiguous:
            results.append(RowResult(number, shown, "rejected",
                                     _("es gibt mehrere Einträge „{name}“; bitte im Register zusammenführen",
                                       name=_shown(name))))
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
                link_uids[column], names = [], _split(cells[column])
                if len(names) > MAX_LINK_NAMES:
                    problems.append(_("„{column}“: höchstens {max} Namen in einer Zelle",
                                      column=column, max=MAX_LINK_NAMES))
                    continue
                for other in names:
                    try:
                        link_uids[column].append(targets[column].resolve(other))
                    except ValueError as reason:
                        problems.append(str(reason))
        if problems:
            results.append(RowResult(number, shown, "rejected", _reason(problems)))
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
        results.append(RowResult(number, shown, action, changed=changed))
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
    counts = Counter(c for c in header if c)  # linear: a header may be long
    duplicates = sorted(c for c, n in counts.items() if n > 1)
    if duplicates:
        raise ImportFileError("Die Spalte „{column}“ kommt mehrfach vor.", column=_shown(duplicates[0]))


def _unknown_columns(header, allowed):
    unknown = [c for c in header if c and c not in allowed]
    return [_("Die Spalte „{column}“ ist unbekannt und wird ignoriert.", column=_shown(c)) for c in unknown]


def _plan_contacts(register, header, rows):
    for column in ("person", "knows"):
        if column not in header:
            raise ImportFileError("Die Spalte „{column}“ fehlt. Bitte die Vorlage verwenden.", column=column)
    people = _Names(register, "people")
    existing = {(r["from"], r["to"]): r for r in register.contact_links()}
    strength_spec = next(p for p in _knows_props() if p.name == "strength")
    results, writes, seen = [], [], {}
    for number, row in enumerate(rows, start=2):
        cells, unreadable = _row_cells(header, row)
        label = f"{_shown(cells.get('person', ''))} → {_shown(cells.get('knows', ''))}"
        if unreadable:
            results.append(RowResult(number, label, "rejected", unreadable))
            continue
        try:
            source, target = people.resolve(cells.get("person", "")), people.resolve(cells.get("knows", ""))
            if source == target:
                raise ValueError(_("eine Person kann sich nicht selbst kennen"))
            strength = _parse_field(strength_spec, cells.get("strength", ""))
        except ValueError as reason:
            results.append(RowResult(number, label, "rejected", str(reason)))
            continue
        if (source, target) in seen:
            results.append(RowResult(number, label, "rejected",
                                     _("doppelte Zeile (wie Zeile {line})", line=seen[(source, target)])))
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
        message = ngettext(
            "{count} Zeile kann nicht importiert werden; es wurde nichts gespeichert. Bitte die Datei korrigieren und erneut prüfen.",
            "{count} Zeilen können nicht importiert werden; es wurde nichts gespeichert. Bitte die Datei korrigieren und erneut prüfen.",
            len(plan.rejected))
        raise ImportFileError(message)
    register.apply_import(plan.kind, plan.writes, by, now)
    return len(plan.writes)


def template_rows(kind_key):
    """The column layout, and one example row, for the downloadable templates."""
    if kind_key == "contacts":
        return headings("contacts", CONTACT_COLUMNS), [["Team Horizont", "Team Nachbarschaftsbüro", "2015",
                                                        "Nachbarschaftscafé", "gut"]]
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
    return headings(kind_key, header), [[examples.get(c, "") for c in header]]

