"""A round table's agenda as a one-page A4 PDF (fpdf2, DejaVu Sans as for badges and sign-in sheets)."""
from ..participants.pdf import _document


def agenda(title, lines):
    """`lines`: [(style, text)] in order, style "h1", "h2", "meta", "item" or "sub"; the texts are
    in the page's language already. Long agendas shrink to one page by a smaller font."""
    sizes = {"h1": 15, "h2": 12, "meta": 9, "item": 10, "sub": 9}
    for scale in (1.0, 0.9, 0.8, 0.7):
        pdf = _build(title, lines, sizes, scale)
        if pdf.pages_count == 1:
            break
    return bytes(pdf.output())


def _build(title, lines, sizes, scale):
    pdf = _document(title)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for style, text in lines:
        size = sizes[style] * scale
        pdf.set_font_size(size)
        indent = {"item": 4, "sub": 10}.get(style, 0)
        if style == "h2":
            pdf.ln(2 * scale)
        pdf.set_x(pdf.l_margin + indent)
        pdf.set_text_color(90 if style in ("meta", "sub") else 0)
        pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    return pdf
