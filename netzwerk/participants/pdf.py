"""Printable name badges and a sign-in sheet for an event, as A4 PDFs (fpdf2).

The font is DejaVu Sans, shipped in `fonts/` with its licence (Bitstream Vera licence, DejaVu
changes public domain: redistribution allowed): it covers Latin with umlauts and ß, Greek,
Cyrillic, Hebrew and Arabic, and no machine's system fonts are needed. fpdf2 embeds only the
glyphs used. With `uharfbuzz` installed (a dependency) the text is shaped, so Arabic and
Persian names are joined and run right to left.
"""
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans.ttf"
# badges: 2 columns x 5 rows of 90 x 54 mm on A4, the usual size of badge holders
BADGE_W, BADGE_H, COLUMNS, ROWS = 90, 54, 2, 5
MARGIN_X, MARGIN_Y = (210 - COLUMNS * BADGE_W) / 2, (297 - ROWS * BADGE_H) / 2


def _document(title):
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(title)
    pdf.set_creator("netzwerk")
    pdf.set_lang("de")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT))  # one face: bold is shown by size, not a second font file
    try:
        pdf.set_text_shaping(True)
    except Exception:  # noqa: BLE001  (uharfbuzz missing: unshaped text is still readable for Latin scripts)
        pass
    pdf.set_font("DejaVu", size=11)
    return pdf


def _fit(pdf, text, width, size, smallest):
    """The largest font size from `size` down to `smallest` at which `text` fits `width`."""
    while size > smallest:
        pdf.set_font_size(size)
        if pdf.get_string_width(text) <= width:
            return size
        size -= 1
    return smallest


def badges(event_name, people):
    """Name badges: name (large), organisation if given, the event's name. `people` is a list
    of dicts with name and organisation."""
    pdf = _document(event_name)
    pdf.set_auto_page_break(False)
    per_page = COLUMNS * ROWS
    for index, person in enumerate(people):
        if index % per_page == 0:
            pdf.add_page()
        slot = index % per_page
        x = MARGIN_X + (slot % COLUMNS) * BADGE_W
        y = MARGIN_Y + (slot // COLUMNS) * BADGE_H
        pdf.set_draw_color(180)
        pdf.rect(x, y, BADGE_W, BADGE_H)  # cutting line
        inner = BADGE_W - 10
        name = person.get("name") or ""
        pdf.set_text_color(0)
        pdf.set_font_size(_fit(pdf, name, inner, 22, 10))
        pdf.set_xy(x + 5, y + 12)
        pdf.multi_cell(inner, 9, name, align="C", max_line_height=9)
        if person.get("organisation"):
            pdf.set_font_size(_fit(pdf, person["organisation"], inner, 12, 7))
            pdf.set_xy(x + 5, y + 32)
            pdf.multi_cell(inner, 5, person["organisation"], align="C")
        pdf.set_text_color(90)
        pdf.set_font_size(_fit(pdf, event_name, inner, 9, 6))
        pdf.set_xy(x + 5, y + BADGE_H - 10)
        pdf.cell(inner, 5, event_name, align="C")
    if not people:
        pdf.add_page()
    return bytes(pdf.output())


def sign_in_sheet(event_name, when, headings, people, note=""):
    """A table to sign: number, name, organisation, an empty signature column. `headings` are
    the four column titles in the page's language; the table repeats them on every page."""
    pdf = _document(event_name)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font_size(15)
    pdf.multi_cell(0, 8, event_name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(10)
    if when:
        pdf.multi_cell(0, 6, when, new_x="LMARGIN", new_y="NEXT")
    if note:
        pdf.multi_cell(0, 6, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font_size(10)
    with pdf.table(col_widths=(10, 60, 55, 65), line_height=9, first_row_as_headings=True,
                   headings_style=FontFace(emphasis=None, fill_color=(230, 230, 230)),
                   repeat_headings=1) as table:
        table.row(headings)
        for number, person in enumerate(people, start=1):
            table.row((str(number), person.get("name") or "", person.get("organisation") or "", ""))
    return bytes(pdf.output())
