"""Spreadsheet limits: small hostile files are refused fast, with a German message, before parsing.

Each file is built here, small on disk, the way the security probe built it. Durations are
checked loosely (machines are noisy); the stronger checks are the refusal message and a
result page that stays small.
"""
import functools
import io
import time
import zipfile

import pytest

from netzwerk.register.imports import ImportFileError, _check_header, read_table

from .test_import import check

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"


@pytest.fixture
def coordinator(client, auth, users):
    auth.login(users["coordinator"])
    return client


def xlsx(sheet_xml, shared_xml=None):
    """A minimal .xlsx, written part by part: `sheet_xml` and `shared_xml` are iterables of text
    chunks, so a part of 100 MB is streamed through the compressor, never held in memory."""
    shared_type = (f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>'
                   if shared_xml is not None else "")
    shared_rel = (f'<Relationship Id="rId2" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
                  if shared_xml is not None else "")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         f'<Types xmlns="{PACKAGE}/content-types">'
                         f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         f'<Default Extension="xml" ContentType="application/xml"/>'
                         f'<Override PartName="/xl/workbook.xml" ContentType="{TYPES}.sheet.main+xml"/>'
                         f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>'
                         f'{shared_type}</Types>')
        archive.writestr("_rels/.rels",
                         f'<Relationships xmlns="{PACKAGE}/relationships"><Relationship Id="rId1" '
                         f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml",
                         f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
                         f'<sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         f'<Relationships xmlns="{PACKAGE}/relationships"><Relationship Id="rId1" '
                         f'Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>{shared_rel}</Relationships>')
        for name, chunks in (("xl/worksheets/sheet1.xml", sheet_xml), ("xl/sharedStrings.xml", shared_xml)):
            if chunks is not None:
                with archive.open(name, "w", force_zip64=True) as part:
                    for chunk in chunks:
                        part.write(chunk.encode())
    return out.getvalue()


def sheet(rows, dimension=None):
    """Sheet XML from rows of cell XML."""
    yield f'<worksheet xmlns="{MAIN}">'
    if dimension:
        yield f'<dimension ref="{dimension}"/>'
    yield "<sheetData>"
    yield from (f"<row>{row}</row>" for row in rows)
    yield "</sheetData></worksheet>"


def text_cell(text):
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'


@functools.lru_cache(maxsize=None)  # built once for both backends
def claims_the_whole_grid():
    return xlsx(sheet([text_cell("name") + text_cell("type"), text_cell("Eving") + text_cell("Stadtbezirk")],
                      dimension="A1:XFD1048576"))


@functools.lru_cache(maxsize=None)
def hundred_mb_shared_string():
    def shared():
        yield f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'
        for _ in range(100):
            yield "A" * (1024 * 1024)
        yield "</t></si></sst>"
    header = text_cell("name") + text_cell("type")
    return xlsx(sheet([header, '<c t="s"><v>0</v></c>' + text_cell("Stadtbezirk")], "A1:B2"), shared())


@functools.lru_cache(maxsize=None)
def five_hundred_rows_of_16384_cells(dimension):
    return xlsx(sheet(["<c><v>1</v></c>" * 16384] * 500, dimension))


def refused(client, kind, content, filename, message):
    """Posts the file; asserts a fast 400 with the message on a small page; returns the page."""
    started = time.monotonic()
    response = check(client, kind, content, filename)
    elapsed = time.monotonic() - started
    html = response.get_data(as_text=True)
    assert response.status_code == 400, html[:2000]
    assert message in html
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert len(html) < 100_000, "the refusal page repeats nothing of the file"
    return html


def test_a_tiny_xlsx_claiming_the_whole_grid_is_refused_by_its_dimension(coordinator):
    data = claims_the_whole_grid()
    assert len(data) < 2000
    refused(coordinator, "districts", data, "gitter.xlsx",
            "Die Tabelle reicht bis Spalte XFD (16384 Spalten); höchstens 200 sind möglich.")


def test_a_100_mb_shared_string_is_refused_before_unpacking(coordinator):
    data = hundred_mb_shared_string()
    assert len(data) < 200_000
    refused(coordinator, "districts", data, "text.xlsx",
            "Die Excel-Datei ist entpackt zu groß (höchstens 20 MB je Teil, 50 MB insgesamt).")


@pytest.mark.parametrize("dimension", ["A1:XFD500", None])
def test_500_rows_of_16384_cells_are_refused(coordinator, dimension):
    data = five_hundred_rows_of_16384_cells(dimension)
    assert len(data) < 1_000_000
    refused(coordinator, "districts", data, "breit.xlsx", "Die Excel-Datei ist entpackt zu groß")


def test_a_1_mb_csv_with_100000_columns_is_refused_at_its_first_row(coordinator):
    data = ("name;" + ";".join(f"spalte{i}" for i in range(1, 100_000)) + "\nEving;Stadtbezirk\n").encode()
    assert len(data) < 1_300_000
    refused(coordinator, "districts", data, "breit.csv",
            "Zeile 1 hat 100000 Zellen; höchstens 200 Spalten sind möglich. Stimmt das Trennzeichen?")


def test_the_duplicate_column_check_is_linear():
    header = ["name"] + [f"spalte{i}" for i in range(100_000)] + ["spalte7"]
    started = time.monotonic()
    with pytest.raises(ImportFileError) as refusal:
        _check_header(header)
    assert time.monotonic() - started < 1
    assert str(refusal.value) == "Die Spalte „spalte7“ kommt mehrfach vor."


# --- the other limits, read directly (no database needed) ----------------------------------
def refusal(filename, data):
    started = time.monotonic()
    with pytest.raises(ImportFileError) as refused_file:
        read_table(filename, data)
    assert time.monotonic() - started < 5
    return str(refused_file.value)


def test_a_sheet_whose_dimension_lies_still_yields_no_cell_beyond_column_200():
    data = xlsx(sheet(["<c><v>1</v></c>" * 300] * 3, dimension="A1:B2"))
    assert refusal("klein.xlsx", data).startswith("Zeile 1 hat Werte in mehr als 200 Spalten")


def test_a_sheet_without_dimension_and_too_many_cells_is_counted_before_reading():
    # 40 rows of 16,384 empty cells, each with its own reference: 4.5 MB of XML that packs badly
    def column(number):
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(65 + rest) + letters
        return letters
    rows = ("".join(f'<c r="{column(c)}{r}" s="1"/>' for c in range(1, 16385)) for r in range(1, 41))
    message = refusal("leer.xlsx", xlsx(sheet(rows)))
    assert message.startswith("Die Excel-Datei hat mehr als 150000 Zellen")


def test_a_zip_bomb_is_refused_by_its_packing_ratio():
    data = xlsx(sheet([text_cell("name"), text_cell("x" * 10) + "<c/>" * 400_000]))
    assert "ungewöhnlich stark gepackt" in refusal("bombe.xlsx", data)


def test_a_sheet_reaching_beyond_5001_rows_is_refused_by_its_dimension():
    from openpyxl import Workbook
    workbook = Workbook()
    workbook.active.append(["name", "type"])
    workbook.active["A5003"] = "zu weit unten"
    out = io.BytesIO()
    workbook.save(out)
    assert refusal("lang.xlsx", out.getvalue()).startswith("Die Tabelle reicht bis Zeile 5003")


def test_long_cells_are_refused_in_csv_and_xlsx():
    long_text = "A" * 10_001
    assert refusal("lang.csv", f"name;type\nEving;{long_text}\n".encode()) == (
        "Zeile 2, Spalte B: Die Zelle hat mehr als 10000 Zeichen. Bitte kürzen Sie den Text.")
    # beyond the csv module's own field limit (131,072 characters)
    assert refusal("lang.csv", f"name;type\nEving;{'A' * 200_000}\n".encode()).startswith(
        "Zeile 2: Eine Zelle hat mehr als 10000 Zeichen.")
    data = xlsx(sheet([text_cell("name") + text_cell("type"), text_cell("Eving") + text_cell(long_text)]))
    assert refusal("lang.xlsx", data).startswith("Zeile 2, Spalte B: Die Zelle hat mehr als 10000 Zeichen.")


def test_a_csv_line_of_millions_of_cells_is_refused_before_it_is_split():
    data = ("name;type\n" + "ab;" * 1_000_000 + "\n").encode()
    assert refusal("zeile.csv", data).startswith("Zeile 2 ist länger als 2000600 Zeichen")


def test_many_blank_lines_and_rows_at_the_limit_are_fine():
    header, rows = read_table("leer.csv", ("name;type\n" + "\n" * 1_000_000 + ";;\n" * 100_000 + "Eving;x\n").encode())
    assert header == ["name", "type"] and rows == [["Eving", "x"]]
    header, rows = read_table("voll.csv", ("name;type\n" + "Eving;x\n" * 5000).encode())
    assert len(rows) == 5000
    assert refusal("voll.csv", ("name;type\n" + "Eving;x\n" * 5001).encode()) == (
        "Die Datei hat mehr als 5000 Zeilen. Bitte teilen Sie sie auf.")


def test_an_ordinary_xlsx_reads_as_wide_as_its_widest_row():
    from openpyxl import Workbook
    workbook = Workbook()
    workbook.active.append(["name", "type", None])
    workbook.active.append(["Eving", "Stadtbezirk", None, None, "Notiz ohne Spalte"])
    workbook.active.append(["Hörde", 12000.0])
    out = io.BytesIO()
    workbook.save(out)
    header, rows = read_table("gut.xlsx", out.getvalue())
    assert header == ["name", "type", "", "", ""]
    assert rows == [["Eving", "Stadtbezirk", "", "", "Notiz ohne Spalte"], ["Hörde", "12000", "", "", ""]]


def test_a_long_shared_name_is_shortened_on_the_result_page(coordinator):
    # one 10,000-character text, used as the name of 1,500 rows: the page must not repeat it
    def shared():
        yield f'<sst xmlns="{MAIN}"><si><t>{"N" * 10_000}</t></si></sst>'
    rows = [text_cell("name") + text_cell("type")] + ['<c t="s"><v>0</v></c>' + text_cell("Stadtteil")] * 1500
    response = check(coordinator, "districts", xlsx(sheet(rows), shared()), "namen.xlsx")
    html = response.get_data(as_text=True)
    assert "0 neu, 0 geändert, 0 unverändert, 1500 abgelehnt" in html
    assert "N" * 201 not in html
    assert len(html) < 2_000_000


def test_the_refusal_is_english_in_the_english_ui(coordinator):
    from ..conftest import csrf_token
    token = csrf_token(coordinator.get("/import").get_data(as_text=True))
    coordinator.post("/sprache", data={"csrf_token": token, "lang": "en", "next": "/import"})
    html = check(coordinator, "districts", claims_the_whole_grid(), "gitter.xlsx").get_data(as_text=True)
    assert "The table reaches column XFD (16384 columns); at most 200 are possible." in html
