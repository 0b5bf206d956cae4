"""Lists as CSV (UTF-8 with BOM, semicolons: what German Excel opens) and XLSX."""
import csv
import io

from flask import Response

from .columns import LIST_KEYS, cell, columns, headings


def export_table(kind, rows, with_private):
    """The import layout: field columns as their type writes them (labels, not codes), then
    the link columns (names); the import reads both back."""
    header = columns(kind.key, with_private)
    fields = {spec.name: spec for spec in kind.fields}
    body = [[fields[c].text(row.get(c)) if c in fields else cell(row.get(LIST_KEYS.get((kind.key, c), c)))
             for c in header] for row in rows]
    return headings(kind.key, header), body


def csv_bytes(header, body):
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in body:
        # a leading = + - @ would make a spreadsheet run the cell as a formula
        writer.writerow([_defuse(value) for value in row])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def xlsx_bytes(header, body, title):
    from openpyxl import Workbook
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for row in body:
        sheet.append([_defuse(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _defuse(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def spreadsheet_response(header, body, fmt, filename, title):
    """A download of the table as csv or xlsx."""
    if fmt == "xlsx":
        data = xlsx_bytes(header, body, title)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data, mimetype = csv_bytes(header, body), "text/csv; charset=utf-8"
    return Response(data, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}.{fmt}"'})


def export_response(kind, rows, fmt, with_private):
    header, body = export_table(kind, rows, with_private)
    return spreadsheet_response(header, body, fmt, kind.slug, kind.plural)
