"""District geometries: a GeoJSON file checked and cut down to what the map needs, and the map
itself as plain SVG paths (no map library, no tiles: it works on an intranet, and the table
beside it carries every number for screen readers). Pure functions, no store."""
import json
import math

from ..errors import DomainError
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..text import fold

MAX_BYTES = 5 * 1024 * 1024
MAX_FEATURES = 2000
MAX_POSITIONS = 200_000
DECIMALS = 5  # about a metre: more only makes the page heavier
WIDTH = 800


class GeometryError(DomainError):
    """A GeoJSON file that cannot be imported; the message says why."""


def _position(value):
    if (not isinstance(value, list) or len(value) < 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[:2])):
        raise GeometryError(_l("Eine Koordinate ist kein Zahlenpaar [Länge, Breite]."))
    lon, lat = float(value[0]), float(value[1])
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise GeometryError(_l("Eine Koordinate liegt außerhalb von Länge −180…180 und Breite −90…90 (WGS 84)."))
    return [round(lon, DECIMALS), round(lat, DECIMALS)]


def _polygon(rings):
    if not isinstance(rings, list) or not rings:
        raise GeometryError(_l("Ein Polygon hat keine Ringe."))
    out = []
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            raise GeometryError(_l("Ein Ring eines Polygons hat weniger als vier Punkte."))
        out.append([_position(p) for p in ring])
    return out


def clean_geometry(geometry):
    """A Polygon or MultiPolygon, its coordinates checked and rounded: {"type", "coordinates"}."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise GeometryError(_l("Nur Flächen (Polygon, MultiPolygon) lassen sich einem Stadtteil zuordnen."))
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": _polygon(coordinates)}
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError(_l("Ein Multipolygon hat keine Flächen."))
    return {"type": "MultiPolygon", "coordinates": [_polygon(polygon) for polygon in coordinates]}


def _count_positions(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return sum(len(ring) for polygon in polygons for ring in polygon)


def parse_geojson(data, districts):
    """(rows, problems) from the bytes of a GeoJSON FeatureCollection and the known districts
    [{uid, name}]: rows [{uid, name, geometry (JSON text)}] for the features matched to a district
    by `properties.uid`, else by a unique `properties.name`; problems: [text] for the rest."""
    if len(data) > MAX_BYTES:
        raise GeometryError(_l("Die Datei ist größer als 5 MB."))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise GeometryError(_l("Die Datei ist kein gültiges JSON (UTF-8).")) from None
    if isinstance(document, dict) and document.get("type") == "Feature":
        document = {"type": "FeatureCollection", "features": [document]}
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" \
            or not isinstance(document.get("features"), list):
        raise GeometryError(_l("Erwartet wird eine GeoJSON-FeatureCollection."))
    features = document["features"]
    if len(features) > MAX_FEATURES:
        raise GeometryError(_l("Die Datei hat mehr als 2.000 Flächen."))
    by_uid = {d["uid"]: d for d in districts}
    by_name = {}
    for district in districts:
        by_name.setdefault(fold(district["name"]), []).append(district)
    rows, problems, positions, seen = [], [], 0, set()
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        properties = properties if isinstance(properties, dict) else {}
        label = str(properties.get("name") or properties.get("uid") or f"#{number}")[:100]
        district = by_uid.get(str(properties.get("uid") or ""))
        if district is None:
            matches = by_name.get(fold(str(properties.get("name") or "")), [])
            if len(matches) > 1:
                problems.append(_("„{name}“: der Name passt auf mehrere Stadtteile; bitte die uid angeben.", name=label))
                continue
            district = matches[0] if matches else None
        if district is None:
            problems.append(_("„{name}“: kein Stadtteil dieses Namens.", name=label))
            continue
        if district["uid"] in seen:
            problems.append(_("„{name}“: kommt mehrfach vor; die erste Fläche gilt.", name=label))
            continue
        try:
            geometry = clean_geometry(feature.get("geometry"))
        except GeometryError as error:
            problems.append(f"„{label}“: {error}")
            continue
        positions += _count_positions(geometry)
        if positions > MAX_POSITIONS:
            raise GeometryError(_l("Die Flächen haben zusammen mehr als 200.000 Punkte; bitte vereinfachen."))
        seen.add(district["uid"])
        rows.append({"uid": district["uid"], "name": district["name"],
                     "geometry": json.dumps(geometry, separators=(",", ":"))})
    return rows, problems


def svg_paths(features):
    """The map's shapes: ({uid: path data}, view box "0 0 W H") for [{uid, geometry (JSON text)}],
    projected equirectangularly with the longitude scaled by the cosine of the middle latitude
    (a city is small enough for that). Empty when there is nothing to draw."""
    shapes = {}
    for feature in features:
        try:
            geometry = clean_geometry(json.loads(feature["geometry"]))
        except (GeometryError, ValueError, TypeError):
            continue  # a geometry stored by hand and broken: left off the map, the table still shows it
        shapes[feature["uid"]] = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                                  else [geometry["coordinates"]])
    points = [p for polygons in shapes.values() for polygon in polygons for ring in polygon for p in ring]
    if not points:
        return {}, None
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    x_scale = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * x_scale, 1e-9), max(north - south, 1e-9)
    factor = WIDTH / span_x
    height = max(1, round(span_y * factor))

    def xy(point):
        return f"{(point[0] - west) * x_scale * factor:.1f},{(north - point[1]) * factor:.1f}"
    paths = {uid: " ".join("M" + " L".join(xy(p) for p in ring) + " Z"
                           for polygon in polygons for ring in polygon)
             for uid, polygons in shapes.items()}
    return paths, f"0 0 {WIDTH} {height}"


def buckets(totals):
    """The legend: [(class, low, high)] over the non-zero totals in up to three steps, after
    the empty class; and a function from a total to its class."""
    top = max(totals, default=0)
    steps = [("cov-0", 0, 0)]
    if top:
        bounds = sorted({max(1, math.ceil(top * k / 3)) for k in (1, 2, 3)})
        low = 1
        for index, high in enumerate(bounds, start=1):
            steps.append((f"cov-{index}", low, high))
            low = high + 1

    def of(total):
        return next(name for name, low, high in steps if low <= total <= high)
    return steps, of
