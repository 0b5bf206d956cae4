"""Needs to offers: the active offers that fit a need, nearest first, each with the reasons in
plain words ("Arabisch passt, aber dienstags statt abends"); marking a need met or dropped.

Where to look comes from the graph once (the need's districts, their neighbours, the areas
they are part of); each ring's district uids go as one list into one candidate query, so
FalkorDB never tests a pattern per node. The candidates of a ring are bounded (CANDIDATE_LIMIT),
and the wider areas are searched only until enough offers are found; scoring is done here, in
Python, the same for both engines. Plain data in, plain data out.
"""
from dataclasses import dataclass

from ..clock import now_iso
from ..errors import Conflict, DomainError, NotFound
from ..i18n import gettext as _, lazy_gettext as _l
from ..register.model import KINDS
from ..text import fold, new_uid

LIMIT = 10               # matches listed for a need
CANDIDATE_LIMIT = 200    # offers read per ring at most (by name): keeps a city-wide ring bounded
# the hours a time of day stands for, compared with an offer's time_from/time_to
WINDOWS = {"morning": ("06:00", "12:00"), "afternoon": ("12:00", "17:00"), "evening": ("17:00", "24:00")}
WEEKDAY_ADVERBS = {"mon": _l("montags"), "tue": _l("dienstags"), "wed": _l("mittwochs"),
                   "thu": _l("donnerstags"), "fri": _l("freitags"), "sat": _l("samstags"),
                   "sun": _l("sonntags")}
TIME_WORDS = {"morning": _l("vormittags"), "afternoon": _l("nachmittags"), "evening": _l("abends")}
# an offer for everyone fits every target group
EVERYONE = "all-residents"
# points of one criterion the need names: it fits, the offer does not say, it does not fit
POINTS = {"fit": 2, "unknown": 1, "miss": 0}
STATUS_CHANGES = {"dropped": "Bedarf verworfen", "open": "Bedarf wieder geöffnet"}

NEEDS, OFFERS = KINDS["needs"], KINDS["offers"]


@dataclass(frozen=True)
class Ring:
    """Where one search ring looks: the need's own districts (rank 0), their neighbours (1), or
    an area the need's districts are part of, `depth` levels up (1 + depth)."""
    relation: str   # self, neighbour, area
    depth: int
    places: tuple   # ({uid, name, type}, ...)

    @property
    def rank(self):
        return {"self": 0, "neighbour": 1}.get(self.relation, 1 + self.depth)


def _rings(places):
    """The rings to search, nearest first: self, neighbours, then each level of areas up."""
    by_key, seen = {}, set()
    for place in sorted(places, key=lambda p: ({"self": 0, "neighbour": 1}.get(p["relation"], 2),
                                              p["depth"], fold(p["name"] or ""), p["uid"])):
        if place["uid"] in seen:  # a neighbour that is also the need's district counts as its own
            continue
        seen.add(place["uid"])
        key = (place["relation"], place["depth"] if place["relation"] == "area" else 0)
        by_key.setdefault(key, []).append({"uid": place["uid"], "name": place["name"], "type": place["type"]})
    return [Ring(relation, depth, tuple(found)) for (relation, depth), found in by_key.items()]


def _choice(kind, field, code):
    return kind.field(field).choice_label(code) if code is not None else ""


def _minutes(text):
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def offer_times_of_day(offer):
    """The times of day an offer's hours touch ("morning", ...), or None when it has none."""
    start, end = offer.get("time_from"), offer.get("time_to")
    if not start:
        return None
    start = _minutes(start)
    end = _minutes(end) if end else start + 60
    return [code for code, (low, high) in WINDOWS.items() if start < _minutes(high) and end > _minutes(low)]


def _join(words):
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return _("{first} oder {last}", first=", ".join(words[:-1]), last=words[-1])


def _days(codes):
    return _join(WEEKDAY_ADVERBS.get(code) or NEEDS.field("weekdays").choice_label(code) for code in codes)


def judge(need, offer):
    """How an offer fits a need, criterion by criterion: [(criterion, verdict, text)] with
    verdict fit, miss or unknown; only the criteria the need names are judged."""
    verdicts = []
    if need.get("field"):
        verdicts.append(("field", "fit", _("{field} passt", field=_choice(NEEDS, "field", need["field"]))))
    group = need.get("target_group")
    if group:
        groups = offer.get("target_groups") or []
        label = _choice(NEEDS, "target_group", group)
        if not groups:
            verdicts.append(("target_group", "unknown", _("Zielgruppe nicht angegeben")))
        elif group in groups or EVERYONE in groups:
            verdicts.append(("target_group", "fit", _("Zielgruppe {group} passt", group=label)))
        else:
            offered = _join(OFFERS.field("target_groups").choice_label(code) for code in groups)
            verdicts.append(("target_group", "miss", _("für {offered} statt für {wanted}", offered=offered,
                                                       wanted=label)))
    language = need.get("language")
    if language:
        languages = offer.get("languages") or []
        label = _choice(NEEDS, "language", language)
        if not languages:
            verdicts.append(("language", "unknown", _("Sprache nicht angegeben")))
        elif language in languages:
            verdicts.append(("language", "fit", _("{language} passt", language=label)))
        else:
            offered = _join(OFFERS.field("languages").choice_label(code) for code in languages)
            verdicts.append(("language", "miss", _("{offered} statt {wanted}", offered=offered, wanted=label)))
    days = need.get("weekdays") or []
    if days:
        offered = offer.get("weekdays") or []
        if not offered:
            verdicts.append(("weekdays", "unknown", _("Wochentag nicht angegeben")))
        else:
            common = [day for day in offered if day in days]
            if common:
                verdicts.append(("weekdays", "fit", _("{days} passt", days=_days(common))))
            else:
                verdicts.append(("weekdays", "miss", _("{offered} statt {wanted}", offered=_days(offered),
                                                       wanted=_days(days))))
    time = need.get("time_of_day")
    if time:
        times = offer_times_of_day(offer)
        wanted = TIME_WORDS.get(time) or _choice(NEEDS, "time_of_day", time)
        if times is None:
            verdicts.append(("time_of_day", "unknown", _("Uhrzeit nicht angegeben")))
        elif time in times:
            verdicts.append(("time_of_day", "fit", _("{time} passt", time=wanted)))
        else:
            hours = offer["time_from"] + ("–" + offer["time_to"] if offer.get("time_to") else "")
            verdicts.append(("time_of_day", "miss", _("{hours} Uhr statt {wanted}", hours=hours, wanted=wanted)))
    if need.get("free_of_charge"):
        cost = offer.get("cost")
        if cost is None:
            verdicts.append(("cost", "unknown", _("Kosten nicht angegeben")))
        elif cost == "free":
            verdicts.append(("cost", "fit", _("kostenlos passt")))
        else:
            verdicts.append(("cost", "miss", _("kostenpflichtig statt kostenlos")))
    return verdicts


def explain(verdicts):
    """The verdicts as one sentence: "Arabisch passt, aber dienstags statt abends; nicht
    angegeben: Uhrzeit"."""
    fits = [text for _c, verdict, text in verdicts if verdict == "fit"]
    misses = [text for _c, verdict, text in verdicts if verdict == "miss"]
    unknown = [text for _c, verdict, text in verdicts if verdict == "unknown"]
    parts = []
    if fits and misses:
        parts.append(_("{fits}, aber {misses}", fits=", ".join(fits), misses=", ".join(misses)))
    elif fits or misses:
        parts.append(", ".join(fits or misses))
    parts += unknown
    return "; ".join(parts)


def _where(ring, offer):
    """Where an offer is, as seen from the need: in its district, next door, or in the area."""
    given = {place["uid"]: place for place in ring.places}
    place = min(offer["places"], key=lambda p: (fold(p["via_name"] or ""), p["via"], p["district"]))
    types = dict(KINDS["districts"].field("type").choices)
    via = {"uid": place["via"], "name": place["via_name"], "type": place["via_type"]}
    if ring.relation == "self":
        text = _("im {type} {name}", type=_(types.get(via["type"], "Stadtteil")), name=via["name"])
        area = via
    elif ring.relation == "neighbour":
        area = given[place["district"]]
        text = _("nebenan in {name}", name=area["name"])
    else:
        area = given[place["district"]]
        text = _("anderswo in {name}", name=area["name"])
    return {"relation": ring.relation, "district": area, "via": via, "text": text}


def need_for_matching(store, need_uid):
    need = store.read_one("matching/get_need_for_matching", need=need_uid)
    if need is None:
        raise NotFound("{kind} nicht gefunden.", kind=_(NEEDS.singular))
    return need


def match_offers(store, need_uid, limit=LIMIT):
    """{"need": ..., "matches": [...], "rings": [...]}: the active offers of the need's field of
    action (any, when it names none) in its districts, their neighbours, then the wider areas,
    best first: by ring (nearest first), then by how many of the need's wishes fit, then by name.

    Each match: uid, name, providers, address, `where` (relation self/neighbour/area, the text),
    `verdicts` [(criterion, fit|miss|unknown, text)], `reason` (one sentence), `score`, `met`
    (the need is already MET_BY it).
    """
    need = need_for_matching(store, need_uid)
    rings = _rings(store.read("matching/list_need_places", need=need_uid))
    found, matches = set(), []
    for ring in rings:
        if ring.relation == "area" and len(matches) >= limit:
            break  # the wider areas only while too few offers are found
        rows = store.read("matching/list_offer_candidates", districts=[p["uid"] for p in ring.places],
                          field=need["field"] or "", limit=CANDIDATE_LIMIT)
        for offer in rows:
            if offer["uid"] in found:
                continue
            found.add(offer["uid"])
            verdicts = judge(need, offer)
            matches.append({
                "uid": offer["uid"], "name": offer["name"], "providers": offer["providers"],
                "address": offer["address"], "where": _where(ring, offer), "rank": ring.rank,
                "verdicts": verdicts, "reason": explain(verdicts),
                "score": sum(POINTS[verdict] for _c, verdict, _t in verdicts),
                "met": offer["uid"] in (need["met_by"] or []),
            })
    matches.sort(key=lambda m: (m["rank"], -m["score"], fold(m["name"] or ""), m["uid"]))
    return {"need": need, "matches": matches[:limit],
            "rings": [{"relation": r.relation, "depth": r.depth, "places": list(r.places)} for r in rings]}


# --- marking a need met or dropped ----------------------------------------------------------
def mark_met(store, need_uid, offer_uid, version, by):
    """The need is met by the offer: status met, MET_BY, one change in both histories. A need
    changed since `version` was read is refused (Conflict), and nothing is written."""
    need = need_for_matching(store, need_uid)
    offer = store.read_one("register/get_entry", uid=offer_uid)
    if offer is None or offer["label"] != OFFERS.label:
        raise NotFound("{kind} nicht gefunden.", kind=_(OFFERS.singular))
    rows = store.write("matching/mark_need_met", need=need_uid, offer=offer_uid, version=_version(version),
                       now=now_iso(), by=by, change_uid=new_uid(),
                       summary=f"Bedarf „{need['name']}“ gedeckt durch „{offer['props']['name']}“")
    if not rows:
        raise _stale()
    return rows[0]["version"]


def set_status(store, need_uid, status, version, by):
    """The need dropped (or opened again), with the history; a stale version is refused."""
    if status not in STATUS_CHANGES:
        raise DomainError("Unbekannter Status.")
    need_for_matching(store, need_uid)
    rows = store.write("matching/set_need_status", need=need_uid, status=status, version=_version(version),
                       now=now_iso(), by=by, change_uid=new_uid(), summary=STATUS_CHANGES[status])
    if not rows:
        raise _stale()
    return rows[0]["version"]


def _version(version):
    try:
        return int(version)
    except (TypeError, ValueError):
        raise DomainError("Das Formular ist unvollständig. Bitte laden Sie die Seite neu.") from None


def _stale():
    return Conflict("Dieser Bedarf wurde inzwischen von jemand anderem geändert. Bitte laden Sie die "
                    "Seite neu und entscheiden Sie noch einmal.")

