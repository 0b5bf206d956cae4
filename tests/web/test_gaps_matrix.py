"""/luecken/matrix and the new filters of /luecken over HTTP, on the small city of
tests/integration/test_gap_filters.py and on the demo data; both engines."""
import io
import re
from urllib.parse import parse_qs, urlencode, urlsplit

from ..integration.test_gap_filters import city  # noqa: F401  (the fixture)
from .test_gaps import area_uid, gaps_on


def matrix_html(client, **question):
    response = client.get("/luecken/matrix?" + urlencode({"area": "stadt", **question}))
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_matrix_page(client, auth, users, city):  # noqa: F811
    auth.login(users["member"])
    html = matrix_html(client)
    # an accessible table in its own scrolling box: caption, column and row headers
    assert re.search(r'<div class="table-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">\s*'
                     r'<table class="matrix">\s*<caption id="matrix-caption">Aktive Angebote in Stadt nach '
                     r'Stadtbezirk und Handlungsfelder</caption>', html)
    assert '<th scope="col">Sprache</th>' in html and '<th scope="row">Bezirk A</th>' in html
    row_a = html[html.index('<th scope="row">Bezirk A</th>'):]
    row_a = row_a[:row_a.index("</tr>")]
    # a filled cell links to the offers list filtered to it: district (with its sub-districts), code, active
    link = re.search(r'<td data-cell="language"><a href="([^"]+)">1</a></td>', row_a).group(1)
    url = urlsplit(link.replace("&amp;", "&"))
    assert url.path == "/angebote"
    assert parse_qs(url.query) == {"district": ["a"], "field": ["language"], "status": ["active"]}
    listed = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert "Abendcafé" in listed and "Nachmittagstreff" not in listed
    # an empty cell says so in words, not by colour alone
    assert '<td data-cell="counselling" class="empty">keins</td>' in row_a
    assert "leere Zellen" in html
    # the page is a permanent link, with its downloads
    downloads = re.findall(r'href="(/luecken/matrix\?[^"]+)">(CSV|XLSX)</a>', html)
    assert [parse_qs(urlsplit(href.replace("&amp;", "&")).query)["format"] for href, _ in downloads] == [["csv"], ["xlsx"]]


def test_weekday_cells_link_to_a_weekday_filter(client, auth, users, city):  # noqa: F811
    auth.login(users["member"])
    html = matrix_html(client, columns="weekday", field="language")
    link = re.search(r'<td data-cell="wed"><a href="([^"]+)">1</a></td>', html).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(link).query) == {"district": ["d"], "field": ["language"], "weekday": ["wed"],
                                              "status": ["active"]}
    listed = client.get(link).get_data(as_text=True)
    assert "Nachmittagstreff" in listed and "Abendcafé" not in listed


def test_matrix_downloads(client, auth, users, city):  # noqa: F811
    auth.login(users["member"])
    response = client.get("/luecken/matrix?" + urlencode({"area": "stadt", "columns": "language", "format": "csv"}))
    assert response.status_code == 200 and response.mimetype == "text/csv"
    lines = response.get_data().decode("utf-8-sig").splitlines()
    header = lines[0].split(";")
    assert header[0] == "Stadtbezirk" and header[1:3] == ["Deutsch", "Arabisch"] and header[-1] == "Angebote insgesamt"
    assert lines[1].split(";")[:3] == ["Bezirk A", "1", "1"] and lines[1].split(";")[-1] == "1"
    assert lines[3].split(";")[0] == "Bezirk C" and set(lines[3].split(";")[1:]) == {"0"}
    response = client.get("/luecken/matrix?" + urlencode({"area": "stadt", "format": "xlsx"}))
    from openpyxl import load_workbook
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Stadtbezirk" and "Sprache" in rows[0]
    assert [row[0] for row in rows[1:]] == [f"Bezirk {c}" for c in "ABCDEF"]
    assert rows[1][rows[0].index("Sprache")] == 1


def test_new_filters_on_the_page(client, auth, users, city):  # noqa: F811
    auth.login(users["member"])
    html = client.get("/luecken?" + urlencode({"area": "stadt", "time_of_day": "evening", "cost": "free",
                                               "access": "barrier-free", "actor_kind": "association"})).get_data(as_text=True)
    assert [name for name, _ in gaps_on(html)] == ["Bezirk C", "Bezirk B", "Bezirk D", "Bezirk E", "Bezirk F"]
    assert re.search(r'<option selected value="evening">', html) and re.search(r'<option selected value="barrier-free">', html)
    # the distance to the nearest fitting offer, in words
    assert "1 Nachbarschaftsschritt entfernt" in html and "4" not in re.findall(r'data-distance="(\d*)"', html)
    assert "mehr als 3 Nachbarschaftsschritte entfernt" in html
    # offer filters asked of actors: the page says they were not applied
    html = client.get("/luecken?" + urlencode({"area": "stadt", "subject": "actors", "cost": "free"})).get_data(as_text=True)
    assert "Nicht angewendet: Kosten." in html
    # a value outside the vocabulary is refused, not asked
    refused = client.get("/luecken?" + urlencode({"area": "stadt", "time_of_day": "night"})).get_data(as_text=True)
    assert "data-status" not in refused


def test_matrix_on_the_demo_data(client, auth, users, seeded):
    auth.login(users["member"])
    dortmund = area_uid(seeded, "Dortmund")
    html = client.get("/luecken/matrix?" + urlencode({"area": dortmund})).get_data(as_text=True)
    assert '<th scope="row">Innenstadt-Nord (Nordstadt)</th>' in html
    scharnhorst = html[html.index('<th scope="row">Scharnhorst</th>'):]
    scharnhorst = scharnhorst[:scharnhorst.index("</tr>")]
    # the Lanstrop office hours (in a Quartier of Scharnhorst) count for Scharnhorst
    assert re.search(r'<td data-cell="counselling"><a href="[^"]+">\d+</a></td>', scharnhorst)
    assert client.get("/luecken/matrix?area=nope").status_code == 200
    assert "data-district" not in client.get("/luecken/matrix?area=nope").get_data(as_text=True)
