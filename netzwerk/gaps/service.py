"""Uncovered districts: at one level inside an area, the districts with no active offer (or
active actor) that fits a question, most urgent first, each with the fitting offers or actors
next door; the covered ones with where their coverage comes from; and the coverage matrix,
districts × the codes of one vocabulary. Plain data only."""
from dataclasses import asdict, dataclass, fields as dataclass_fields

from ..clock import now_iso
from ..i18n import gettext
from ..register.model import KINDS
from ..text import fold, new_uid
from .geometry import buckets, parse_geojson, svg_paths

SUBJECTS = (("offers", "Angebote"), ("actors", "Akteure"))
LEVELS = (("Stadtbezirk", "Stadtbezirk"), ("Stadtteil", "Stadtteil"), ("Quartier", "Quartier"))
# a time of day is a window of the clock; an offer fits when its hours overlap it
TIMES_OF_DAY = (("morning", "vormittags", "00:00", "12:00"), ("afternoon", "nachmittags", "12:00", "17:00"),
                ("evening", "abends", "17:00", "24:00"))
WINDOWS = {code: (start, end) for code, _, start, end in TIMES_OF_DAY}
# the filters of a question; an actor carries only its fields of action and its kind
OFFER_FILTERS = ("field", "target_group", "language", "weekday", "time_of_day", "cost", "access", "actor_kind")
ACTOR_FILTERS = ("field", "actor_kind")
# the filters a need carries: a need counts towards a gap's urgency when it has the same codes
NEED_FILTERS = ("field", "target_group", "language")
NEARBY_LIMIT = 3
MAX_HOPS = 3  # the distance to the nearest fitting offer is looked for this many NEIGHBOURS hops out


@dataclass(frozen=True)
class Question:
    """One gap question: what counts (offers or actors), the filters (empty: any), where and at
    which level. Its fields are the page's URL parameters, so a question is a permanent link."""
    area: str
    level: str = "Stadtbezirk"
    subject: str = "offers"
    field: str = ""
    target_group: str = ""
    language: str = ""
    weekday: str = ""
    time_of_day: str = ""
    cost: str = ""
    access: str = ""
    actor_kind: str = ""

    @classmethod
    def names(cls):
        return [spec.name for spec in dataclass_fields(cls)]

    def chosen(self):
        """The filters that apply to the subject (offers: all; actors: field and kind)."""
        values = asdict(self)
        return {name: values[name] for name in (OFFER_FILTERS if self.subject == "offers" else ACTOR_FILTERS)}

    def ignored(self):
        """The names of filters given that do not apply to the subject (the page says so)."""
        values = asdict(self)
        return [name for name in OFFER_FILTERS if values[name] and name not in self.chosen()]

    def filters(self):
        """The parameters of the subject's coverage and neighbour queries."""
        chosen = self.chosen()
        if self.subject != "offers":
            return chosen
        day_from, day_to = WINDOWS.get(chosen.pop("time_of_day"), ("", ""))
        return {**chosen, "day_from": day_from, "day_to": day_to}

    def need_filters(self):
        values = asdict(self)
        return {name: values[name] if self.subject == "offers" or name == "field" else "" for name in NEED_FILTERS}

    def params(self):
        """The URL parameters: area, level, subject and the filters chosen."""
        return {name: value for name, value in asdict(self).items()
                if value or name in ("area", "level", "subject")}


def areas(store, area=""):
    """The areas a question can be asked about: every city, each followed by its Stadtbezirke
    if it is the city of `area` (the area chosen): [{uid, name, type, label}], the Stadtbezirke
    labelled "city: name"."""
    rows = store.read("gaps/list_gap_areas", area=area or "")
    for row in rows:
        row["label"] = row["name"] if row["city"] == row["uid"] else f"{row['city_name']}: {row['name']}"
    return sorted(rows, key=lambda row: (fold(row["city_name"]), row["city"], row["type"] != "city",
                                         fold(row["name"]), row["uid"]))


def _urgency(district):
    # fitting open needs first, then the larger population (unknown last), then the farther
    # nearest fitting offer (none within MAX_HOPS first), then the name
    population, distance = district["population"], district["distance"]
    return (-district["open_needs"], population is None, -(population or 0),
            -(distance if distance is not None else MAX_HOPS + 1), fold(district["name"]), district["uid"])


def _coverage_query(question):
    return "gaps/list_fitting_actors_in_districts" if question.subject == "actors" \
        else "gaps/list_fitting_offers_in_districts"


def uncovered_districts(store, question):
    """{"gaps": [...], "covered": [...]} for a question.

    gaps: districts without a fitting active offer (actors: no fitting actor active there), most
    urgent first; each with `open_needs` (fitting open needs there or below), `distance` (the
    fewest NEIGHBOURS hops to a district with a fitting offer, None beyond MAX_HOPS), `planned`
    (actors planned there) and `nearby` (up to three fitting offers or actors in neighbouring
    districts). covered: by name, each with `sources`, the fitting entries and the district
    they are in (`via`, the district itself or one below it).
    """
    districts = store.read("gaps/list_districts_at_level", area=question.area, level=question.level,
                           **question.need_filters())
    uids = [row["uid"] for row in districts]
    rows = store.read(_coverage_query(question), districts=uids, **question.filters())
    sources, planned = {}, {}
    for row in rows:
        entry = {"uid": row["uid"], "name": row["name"], "via": row["via"], "via_name": row["via_name"],
                 "via_type": row["via_type"], "direct": row["via"] == row["district"]}
        target = planned if row.get("status") == "planned" else sources
        target.setdefault(row["district"], []).append(entry)
    gaps, covered = [], []
    for district in districts:
        if district["uid"] in sources:
            covered.append({**district, "sources": sources[district["uid"]]})
        else:
            gaps.append({**district, "planned": planned.get(district["uid"], []), "nearby": [], "distance": None})
    covered.sort(key=lambda district: (fold(district["name"]), district["uid"]))
    if gaps:
        _add_distance(store, question, gaps, covered={d["uid"] for d in covered})
        _add_nearby(store, question, gaps)
    gaps.sort(key=_urgency)
    return {"gaps": gaps, "covered": covered}


def _add_distance(store, question, gaps, covered):
    """Each gap's `distance`: the fewest NEIGHBOURS hops to a district (of any level) that a
    fitting offer or actor covers, up to MAX_HOPS; None when there is none that near."""
    hops = store.read("gaps/list_neighbours_within", districts=[gap["uid"] for gap in gaps])
    unknown = sorted({row["neighbour"] for row in hops} - covered - {gap["uid"] for gap in gaps})
    if unknown:  # the neighbours not answered yet (outside the area, or at another level)
        covered = covered | {row["district"] for row in store.read(
            _coverage_query(question), districts=unknown, **question.filters())
            if row.get("status", "active") == "active"}
    best = {}
    for row in hops:
        if row["neighbour"] in covered:
            best[row["district"]] = min(best.get(row["district"], MAX_HOPS + 1), row["hops"])
    for gap in gaps:
        gap["distance"] = best.get(gap["uid"])


def _add_nearby(store, question, gaps):
    """Up to three fitting offers (or actors) in each gap's neighbouring districts, by name."""
    name = ("gaps/list_fitting_actors_in_neighbours" if question.subject == "actors"
            else "gaps/list_fitting_offers_in_neighbours")
    by_district = {gap["uid"]: gap for gap in gaps}
    for row in store.read(name, districts=list(by_district), **question.filters()):
        nearby = by_district[row["district"]]["nearby"]
        # an offer IN two neighbours is listed once, at the first neighbour by name
        if len(nearby) < NEARBY_LIMIT and all(entry["uid"] != row["uid"] for entry in nearby):
            nearby.append({"uid": row["uid"], "name": row["name"], "neighbour": row["neighbour"],
                           "neighbour_name": row["neighbour_name"]})


# --- the coverage matrix -----------------------------------------------------------------------

# what the columns can be: (code, label, the offers' field the codes come from)
MATRIX_COLUMNS = (("field", "Handlungsfelder", "fields"), ("target_group", "Zielgruppen", "target_groups"),
                  ("language", "Sprachen", "languages"), ("weekday", "Wochentage", "weekdays"))
# the matrix's filters are those the offers list (/angebote) has, so each cell links to its offers
MATRIX_FILTERS = ("field", "target_group", "language", "weekday")


@dataclass(frozen=True)
class MatrixQuestion:
    """The coverage matrix of an area at a level: a row per district, a column per code of one
    vocabulary, optionally for the offers that fit further filters."""
    area: str
    level: str = "Stadtbezirk"
    columns: str = "field"
    field: str = ""
    target_group: str = ""
    language: str = ""
    weekday: str = ""

    @classmethod
    def names(cls):
        return [spec.name for spec in dataclass_fields(cls)]

    def filters(self):
        values = asdict(self)
        # the column's own vocabulary is the columns: a filter on it would blank every other column
        return {name: "" if name == self.columns else values[name] for name in MATRIX_FILTERS}

    def params(self):
        return {name: value for name, value in asdict(self).items()
                if value or name in ("area", "level", "columns")}


def coverage_matrix(store, question):
    """{"columns": [{code, label}], "rows": [{uid, name, cells: [{code, count}], total}],
    "empty": number of empty cells}.

    A cell counts the active offers that fit (question's filters) IN the district or below it
    (the gap query's roll-up), with the column's code; `total` counts each offer once."""
    prop = next(prop for code, _, prop in MATRIX_COLUMNS if code == question.columns)
    columns = [{"code": code, "label": label} for code, label in KINDS["offers"].field(prop).options()]
    districts = store.read("gaps/list_districts_at_level", area=question.area, level=question.level,
                           field="", target_group="", language="")
    counts = {district["uid"]: {} for district in districts}
    for row in store.read("gaps/count_offers_by_code_in_districts", districts=list(counts),
                          columns=question.columns, **question.filters()):
        counts[row["district"]][row["code"]] = row["offers"]
    totals = {uid: cells.pop("", 0) for uid, cells in counts.items()}  # '' counts every fitting offer
    known = {column["code"] for column in columns}
    for district_counts in counts.values():  # codes no longer in the vocabulary get a column too
        for code in district_counts:
            if code not in known:
                known.add(code)
                columns.append({"code": code, "label": code})
    table = [{"uid": d["uid"], "name": d["name"], "total": totals[d["uid"]],
              "cells": [{"code": c["code"], "count": counts[d["uid"]].get(c["code"], 0)} for c in columns]}
             for d in districts]
    table.sort(key=lambda row: (fold(row["name"]), row["uid"]))
    empty = sum(1 for row in table for cell in row["cells"] if not cell["count"])
    return {"columns": columns, "rows": table, "empty": empty}


def matrix_table(matrix, level_label):
    """The matrix as a spreadsheet: a header row (German labels) and a row per district; an
    empty cell is 0, as in the page."""
    header = [level_label] + [column["label"] for column in matrix["columns"]] + [gettext("Angebote insgesamt")]
    body = [[row["name"]] + [cell["count"] for cell in row["cells"]] + [row["total"]] for row in matrix["rows"]]
    return header, body


# --- district geometries and the map -----------------------------------------------------------

def import_geometries(store, data, by):
    """Reads a GeoJSON file (bytes) and stores the geometry of every district it names:
    {"imported": [names], "problems": [texts]}. Raises GeometryError for a file that is not
    usable at all (nothing is stored then)."""
    rows, problems = parse_geojson(data, store.read("gaps/list_district_names"))
    if rows:
        store.write("gaps/set_district_geometries", rows=[{"uid": r["uid"], "geometry": r["geometry"]} for r in rows],
                    now=now_iso(), by=by, change_uid=new_uid())
    return {"imported": sorted((r["name"] for r in rows), key=fold), "problems": problems}


def coverage_map(store, matrix):
    """The map of a matrix's districts that have a geometry, coloured by their number of fitting
    offers: {"view_box", "shapes": [{uid, name, total, path, css}], "legend": [{css, low, high}],
    "missing": number of the matrix's districts without a geometry}; None when none has one."""
    features = store.read("gaps/list_district_geometries", districts=[row["uid"] for row in matrix["rows"]])
    paths, view_box = svg_paths(features)
    if not paths:
        return None
    legend, css_of = buckets([row["total"] for row in matrix["rows"]])
    shapes = [{"uid": row["uid"], "name": row["name"], "total": row["total"], "path": paths[row["uid"]],
               "css": css_of(row["total"])} for row in matrix["rows"] if row["uid"] in paths]
    return {"view_box": view_box, "shapes": shapes, "missing": len(matrix["rows"]) - len(shapes),
            "legend": [{"css": css, "low": low, "high": high} for css, low, high in legend]}
