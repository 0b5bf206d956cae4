"""District geometries from GeoJSON and the coverage map drawn from them (plain SVG), on the
small city of tests/integration/test_gap_filters.py; both engines."""
import io
import json
import re
from urllib.parse import urlencode

from ..conftest import csrf_token, raw_rows
from ..integration.test_gap_filters import city  # noqa: F401  (the fixture)


def square(west, south, size=0.01):
    ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry, **properties):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def upload(client, document, name="bezirke.geojson"):
    token = csrf_token(client.get("/luecken/flaechen").get_data(as_text=True))
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return client.post("/luecken/flaechen", data={"csrf_token": token, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data", follow_redirects=True)


def test_import_and_map(client, auth, users, city):  # noqa: F811
    auth.login(users["coordinator"])
    # before: the matrix says there is no map, and offers the import to a coordinator
    html = client.get("/luecken/matrix?area=stadt").get_data(as_text=True)
    assert "Keine Karte" in html and 'href="/luecken/flaechen"' in html
    document = {"type": "FeatureCollection", "features": [
        feature(square(7.40, 51.50), name="Bezirk A"),
        feature(square(7.41, 51.50), uid="b", name="anders benannt"),
        feature({"type": "MultiPolygon", "coordinates": [square(7.42, 51.50)["coordinates"],
                                                        square(7.42, 51.52)["coordinates"]]}, name="bezirk c"),
        feature(square(7.43, 51.50), name="Bezirk Z"),                      # no such district
        feature({"type": "Point", "coordinates": [7.4, 51.5]}, name="Bezirk D"),  # not an area
    ]}
    html = upload(client, document).get_data(as_text=True)
    assert "3 Flächen importiert." in html and "Bezirk A, Bezirk B, Bezirk C" in html
    assert "„Bezirk Z“: kein Stadtteil dieses Namens." in html
    assert "„Bezirk D“: Nur Flächen (Polygon, MultiPolygon)" in html
    stored = {row["uid"]: json.loads(row["g"]) for row in raw_rows(
        city, "MATCH (d:District) WHERE d.geometry IS NOT NULL RETURN d.uid AS uid, d.geometry AS g")}
    assert set(stored) == {"a", "b", "c"} and stored["c"]["type"] == "MultiPolygon"
    # the map: one shape per district with a geometry, coloured by its number of fitting offers,
    # each with its name and number in words; a legend; the table beside it
    html = client.get("/luecken/matrix?" + urlencode({"area": "stadt"})).get_data(as_text=True)
    assert re.search(r'<svg viewBox="0 0 800 \d+" role="img" aria-labelledby="map-caption"', html)
    shapes = {uid: css for css, uid in re.findall(
        r'<path class="(cov-\d)" fill-rule="evenodd" d="[^"]+" data-district="(\w)">', html)}
    assert shapes == {"a": "cov-1", "b": "cov-1", "c": "cov-0"}, "one offer at most: one step besides none"
    assert "<title>Bezirk C: 0 passende Angebote</title>" in html and "<title>Bezirk A: 1 passendes Angebot</title>" in html
    assert "3 Bezirke haben keine Fläche und fehlen auf der Karte." in html
    assert '<ul class="legend">' in html and "<caption" in html
    assert "<script" not in html.split('<figure class="coverage-map"')[1].split("</figure>")[0]


def test_bad_files_are_refused(client, auth, users, city):  # noqa: F811
    auth.login(users["coordinator"])
    assert "kein gültiges JSON" in upload(client, b"{nope").get_data(as_text=True)
    assert "FeatureCollection" in upload(client, {"type": "Polygon"}).get_data(as_text=True)
    outside = {"type": "FeatureCollection", "features": [feature(square(200, 51.5), name="Bezirk A")]}
    assert "außerhalb" in upload(client, outside).get_data(as_text=True)
    big = b'{"type": "FeatureCollection", "features": []' + b" " * (5 * 1024 * 1024) + b"}"
    assert "größer als 5 MB" in upload(client, big).get_data(as_text=True)
    assert not raw_rows(city, "MATCH (d:District) WHERE d.geometry IS NOT NULL RETURN d.uid AS uid")


def test_only_coordinators_import(client, auth, users, city):  # noqa: F811
    auth.login(users["member"])
    assert client.get("/luecken/flaechen").status_code == 403
    html = client.get("/luecken/matrix?area=stadt").get_data(as_text=True)
    assert 'href="/luecken/flaechen"' not in html
    # the form needs its CSRF token
    auth.logout()
    auth.login(users["coordinator"])
    response = client.post("/luecken/flaechen", data={"file": (io.BytesIO(b"{}"), "x.geojson")},
                           content_type="multipart/form-data")
    assert response.status_code in (400, 200) and not raw_rows(
        city, "MATCH (d:District) WHERE d.geometry IS NOT NULL RETURN d.uid AS uid")
