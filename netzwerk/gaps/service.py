"""Uncovered districts: at one level inside an area, the districts with no active offer (or
active actor) that fits a question, most urgent first, each with the fitting offers or actors
next door; and the covered ones with where their coverage comes from. Plain data only."""
from dataclasses import asdict, dataclass

from ..text import fold

SUBJECTS = (("offers", "Angebote"), ("actors", "Akteure"))
LEVELS = (("Stadtbezirk", "Stadtbezirk"), ("Stadtteil", "Stadtteil"), ("Quartier", "Quartier"))
# the filters an offer carries; an actor carries only its fields of action
OFFER_FILTERS = ("field", "target_group", "language", "weekday")
NEARBY_LIMIT = 3


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

    def filters(self):
        """The filters the subject's query takes: offers all four, actors the field of action."""
        values = asdict(self)
        names = OFFER_FILTERS if self.subject == "offers" else ("field",)
        return {name: values[name] for name in names}


def areas(store):
    """The cities and Stadtbezirke a question can be asked about: [{uid, name, type}]."""
    return store.read("gaps/list_gap_areas")


def _urgency(district):
    # open needs first, then the larger population (unknown last), then the name
    population = district["population"]
    return (-district["open_needs"], population is None, -(population or 0),
            fold(district["name"]), district["uid"])


def uncovered_districts(store, question):
    """{"gaps": [...], "covered": [...]} for a question.

    gaps: districts without a fitting active offer (actors: no fitting actor active there), most
    urgent first; each with `planned` (actors planned there) and `nearby` (up to three fitting
    offers or actors in neighbouring districts). covered: by name, each with `sources`, the
    fitting entries and the district they are in (`via`, the district itself or one below it).
    """
    districts = store.read("gaps/list_districts_at_level", area=question.area, level=question.level)
    uids = [row["uid"] for row in districts]
    filters = question.filters()
    if question.subject == "actors":
        rows = store.read("gaps/list_fitting_actors_in_districts", districts=uids, **filters)
    else:
        rows = store.read("gaps/list_fitting_offers_in_districts", districts=uids, **filters)
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
            gaps.append({**district, "planned": planned.get(district["uid"], []), "nearby": []})
    gaps.sort(key=_urgency)
    covered.sort(key=lambda district: (fold(district["name"]), district["uid"]))
    if gaps:
        _add_nearby(store, question, gaps)
    return {"gaps": gaps, "covered": covered}


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
