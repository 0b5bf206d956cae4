"""Key figures for managers, each recomputed from what the graph stores: actors, active offers by
field of action, the share of districts covered per field, open needs and their age, upcoming
events and how full they are; and their trend by month, counted from when the entries were
created (or a need reported). Nothing is kept that could not be counted again. Plain data only."""
from datetime import date
from statistics import median

from ..register.model import KINDS

MONTHS = 12
EVENTS_LIMIT = 10


def _months(today, count):
    """The last `count` months up to today's, oldest first: ["2025-12", ..., "2026-11"]."""
    year, month = today.year, today.month
    result = []
    for _ in range(count):
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return result[::-1]


def trend(rows, months):
    """[{month, actors, active_offers, needs_reported, needs_open}] per month: actors and active
    offers as totals at the month's end (of the entries there today: a deleted entry is gone
    from every month, an ended offer is not counted back), needs reported in the month and how
    many of those are still open."""
    result = []
    for month in months:
        def upto(series, status=None):
            return sum(row["created"] for row in rows if row["series"] == series and (row["month"] or "") <= month
                       and (status is None or row["status"] == status))

        def within(series, status=None):
            return sum(row["created"] for row in rows if row["series"] == series and row["month"] == month
                       and (status is None or row["status"] == status))
        result.append({"month": month, "actors": upto("actors"), "active_offers": upto("offers", "active"),
                       "needs_reported": within("needs"), "needs_open": within("needs", "open")})
    return result


def key_figures(store, today, now, level="Stadtbezirk"):
    """Everything the dashboard shows; `today` a date, `now` an ISO timestamp."""
    rows = store.read("dashboard/count_created_by_month")
    months = _months(today, MONTHS)
    fields = KINDS["offers"].field("fields").options()
    by_field = {row["field"]: row["offers"] for row in store.read("dashboard/count_active_offers_by_field")}
    districts = {row["type"]: row["districts"] for row in store.read("dashboard/count_districts_by_type")}
    total = districts.get(level, 0)
    covered = {row["field"]: row["covered"] for row in
               store.read("dashboard/count_covered_districts_by_field", level=level)} if total else {}
    ages = []
    for row in store.read("dashboard/count_open_needs_by_day"):
        try:
            days = (today - date.fromisoformat(row["since"])).days
        except (TypeError, ValueError):
            continue  # a need without any date: counted, but of no known age
        ages += [days] * row["needs"]
    open_needs = sum(row["created"] for row in rows if row["series"] == "needs" and row["status"] == "open")
    events = store.read("dashboard/list_upcoming_events_fill", now=now, limit=EVENTS_LIMIT)
    for event in events:
        event["fill"] = (event["confirmed"] / event["capacity"]) if event["capacity"] else None
    return {
        "actors": sum(row["created"] for row in rows if row["series"] == "actors"),
        "active_offers": sum(row["created"] for row in rows if row["series"] == "offers" and row["status"] == "active"),
        "offers_by_field": [{"code": code, "label": label, "offers": by_field.get(code, 0)} for code, label in fields],
        "level": level, "districts_at_level": total,
        "coverage": [{"code": code, "label": label, "covered": covered.get(code, 0),
                      "share": (covered.get(code, 0) / total) if total else None} for code, label in fields],
        "open_needs": open_needs,
        "open_needs_median_days": median(ages) if ages else None,
        "open_needs_oldest_days": max(ages) if ages else None,
        "events": events,
        "trend": trend(rows, months),
    }
