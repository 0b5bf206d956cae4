"""Events: who may see which, lists by time and area, the month calendar, dates of a series,
attached files. Entries themselves (fields, links, history) are written through the register.

Who sees what (the server decides; docs/events.md):
- anonymous visitors: public events that are published or cancelled (a cancelled event stays
  readable, so that people who saw it learn that it does not take place);
- every logged-in user: every event, drafts, internal and invitation-only ones included;
- organisers, coordinators and admins (permission events.manage): create, edit, files, dates.
"""
import calendar
import re
from datetime import date, datetime, timedelta

from ..clock import now_iso
from ..errors import Conflict, DomainError, NotFound
from ..register.model import KINDS
from ..register.service import DERIVED, Page, entry_props
from ..text import fold, new_uid
from . import files
from .recurrence import occurrences, series_plans

EVENTS = KINDS["events"]
SERIES = KINDS["series"]
PER_PAGE = 20
MAX_DATES = 52
PUBLIC = {"visibilities": ["public"], "statuses": ["published", "cancelled"]}
EVERYONE_LOGGED_IN = {"visibilities": ["public", "invitation", "internal"],
                      "statuses": ["draft", "published", "cancelled"]}
RHYTHMS = {"weekly": "wöchentlich", "biweekly": "14-täglich", "monthly": "monatlich"}


def audience(logged_in):
    """The visibilities and statuses a viewer may see."""
    return EVERYONE_LOGGED_IN if logged_in else PUBLIC


def can_read(event, logged_in):
    seen = audience(logged_in)
    return event.get("visibility", "public") in seen["visibilities"] and \
        event.get("status", "published") in seen["statuses"]


def check_times(values):
    """The dates of an event make sense together; a DomainError (German) says which do not."""
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts and ends and ends < starts:
        raise DomainError("Das Ende liegt vor dem Beginn.")
    opens, closes = values.get("registration_opens"), values.get("registration_closes")
    if opens and closes and closes < opens:
        raise DomainError("Der Anmeldeschluss liegt vor dem Beginn der Anmeldung.")
    if closes and ends and closes > ends:
        raise DomainError("Der Anmeldeschluss liegt nach dem Ende der Veranstaltung.")


class Events:
    def __init__(self, store, register, files_dir, on_capacity_change=None):
        self.store = store
        self.register = register
        self.files_dir = files_dir
        # registrations' move-up: more places let the first on the waitlist in, and tell them
        self.on_capacity_change = on_capacity_change

    # --- reading ------------------------------------------------------------------------
    def organiser_options(self, logged_in):
        """(uid, name) of the actors organising an event this viewer may see: the organiser
        filter's choices."""
        return [(row["uid"], row["name"]) for row in
                self.store.read("events/list_organiser_options", **audience(logged_in))]

    def get(self, uid, logged_in):
        """The event with its links and files, or NotFound; `Forbidden`-like checks are the
        caller's: `visible` says whether this viewer may read it."""
        event = self.register.get(EVENTS, uid)
        return event, can_read(event, logged_in)

    def details(self, uid, logged_in):
        """What the event's page shows besides its fields: links by role, files, series dates."""
        sections, _ = self.register.link_sections(EVENTS, uid)
        by_type = {(s["link"].type, s["direction"]): s["items"] for s in sections}
        organisers = by_type.get(("ORGANISED_BY", "out"), [])
        series = by_type.get(("IN_SERIES", "out"), [])
        seen = audience(logged_in)
        dates = []
        if series:
            dates = self.store.read("events/list_series_dates", series=series[0]["uid"], **seen)
        return {
            "organisers": [o for o in organisers if (o["props"].get("role") or "organiser") == "organiser"],
            "partners": [o for o in organisers if o["props"].get("role") == "partner"],
            "districts": by_type.get(("IN", "out"), []),
            "contacts": by_type.get(("CONTACT_PERSON", "out"), []) if logged_in else [],
            "prepares": self._readable(by_type.get(("PREPARES", "out"), []), logged_in),
            "prepared_by": self._readable(by_type.get(("PREPARES", "in"), []), logged_in),
            "series": series,
            "series_dates": [d for d in dates if d["uid"] != uid],
            "attachments": self.attachments(uid),
        }

    def _readable(self, items, logged_in):
        if logged_in:
            return items
        return [item for item in items
                if can_read(self.register.get(EVENTS, item["uid"]), logged_in)]

    def list(self, logged_in, *, past=False, q="", district="", field="", organiser="", page=1,
             per_page=PER_PAGE, now=None):
        """Upcoming (soonest first) or past (latest first) events this viewer may see, filtered."""
        filters = {"district": district, "organiser": organiser}
        within = self.register._within(EVENTS, filters)
        field_code = ""
        if field:
            try:
                field_code = EVENTS.field("fields").kind.parse_text(EVENTS.field("fields"), field)[0]
            except (ValueError, IndexError, TypeError):
                field_code = field
        params = dict(now=(now or now_iso())[:16], past=bool(past), q=fold(q), field=field_code,
                      within=within, **audience(logged_in))
        rows = self.store.read("events/list_events", skip=(page - 1) * per_page, limit=per_page, **params)
        if rows:
            total = rows[0]["total"]
        else:
            first = self.store.read("events/list_events", skip=0, limit=1, **params) if page > 1 else []
            total = first[0]["total"] if first else 0
        return Page([_plain(row) for row in rows], total, page, per_page)

    def month(self, logged_in, year, month):
        """The month as weeks of days (Monday first), each day with the events on it; an event
        over several days is on each of them."""
        first = date(year, month, 1)
        after = (first + timedelta(days=32)).replace(day=1)
        rows = self.store.read("events/list_events_between", start=f"{first.isoformat()}T00:00",
                               end=f"{after.isoformat()}T00:00", **audience(logged_in))
        by_day = {}
        for row in rows:
            event = _plain(row)
            start = date.fromisoformat(event["starts_at"][:10])
            end = date.fromisoformat((event.get("ends_at") or event["starts_at"])[:10])
            day = max(start, first)
            while day <= end and day < after:
                by_day.setdefault(day, []).append(event)
                day += timedelta(days=1)
        count = len(rows)
        for occurrence in self._occurrences(logged_in, first, after):
            by_day.setdefault(date.fromisoformat(occurrence["starts_at"][:10]), []).append(occurrence)
            count += 1
        for day_events in by_day.values():
            day_events.sort(key=lambda event: event["starts_at"])
        weeks = []
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            weeks.append([{"date": day, "in_month": day.month == month,
                           "events": by_day.get(day, [])} for day in week])
        return {"first": first, "weeks": weeks, "count": count,
                "previous": (first - timedelta(days=1)).replace(day=1), "next": after}

    def _occurrences(self, logged_in, first, after):
        """The dates of series with a recurrence rule in [first, after) (days) that are not
        events of their own: each a copy of the series' first date moved to the rule's date,
        marked `occurrence` (its link is the first date's page)."""
        start, end = datetime.combine(first, datetime.min.time()), datetime.combine(after, datetime.min.time())
        plans = series_plans(self.store.read("events/list_recurring_series", **audience(logged_in)))
        result = []
        for series, (rule, rows) in plans.items():
            dates = [_plain(row) for row in rows]
            template, taken = dates[0], {d["starts_at"][:10] for d in dates}
            # a cancelled first date is that date alone (as in the feed): the rule goes on
            status = "published" if template.get("status") == "cancelled" else template.get("status")
            length = _length(template)
            for moment in occurrences(rule, template["starts_at"], start, end):
                if moment.strftime("%Y-%m-%d") in taken:
                    continue
                result.append({**template, "status": status, "starts_at": moment.strftime("%Y-%m-%dT%H:%M"),
                               "ends_at": (moment + length).strftime("%Y-%m-%dT%H:%M") if length is not None else None,
                               "occurrence": True, "series": series})
        return result

    def feed(self, now=None):
        """Public events for the calendar subscription: from half a year back on. A series with
        a recurrence rule is one event with the rule (`rrule`; its first date, however old) and
        its other dates that fall on the rule are that event's changed instances
        (`recurrence_of`: the first date's uid), so calendars show the rule's dates and each
        change or cancellation of one date (RFC 5545 RECURRENCE-ID)."""
        start = (datetime.fromisoformat((now or now_iso())[:16]) - timedelta(days=183)).strftime("%Y-%m-%dT%H:%M")
        rows = self.store.read("events/list_events_between", start=start, end="9999-12-31T23:59", **PUBLIC)
        events = {row["uid"]: _plain(row) for row in rows}
        plans = series_plans(self.store.read("events/list_recurring_series", **PUBLIC))
        for rule, dates in plans.values():
            dates = [_plain(row) for row in dates]
            template = dates[0]
            events[template["uid"]] = {**events.get(template["uid"], template), "rrule": rule}
            for other in dates[1:]:
                moment = datetime.fromisoformat(other["starts_at"])
                if other["uid"] in events and occurrences(rule, template["starts_at"], moment,
                                                          moment + timedelta(minutes=1)):
                    events[other["uid"]] = {**events[other["uid"]], "recurrence_of": template["uid"]}
        return sorted(events.values(), key=lambda event: (event["starts_at"], event["uid"]))

    # --- writing ------------------------------------------------------------------------
    def create(self, values, by, links=()):
        check_times(values)
        return self.register.create(EVENTS, values, by, links)

    def update(self, uid, version, values, by):
        check_times(values)
        before = self.register.get(EVENTS, uid)
        result = self.register.update(EVENTS, uid, version, values, by)
        if self.on_capacity_change and before.get("capacity") != values.get("capacity"):
            self.on_capacity_change(uid, values.get("capacity"))
        return result

    def delete(self, uid):
        """Deletes an event, its history and its files; refused while it has registrations
        (cancel it instead: the registered people must be told)."""
        self.register.get(EVENTS, uid)
        rows = self.store.write("events/delete_event", uid=uid)
        if not rows:
            raise Conflict("Für diese Veranstaltung gibt es Anmeldungen: Sagen Sie sie ab (Status "
                           "„abgesagt“), statt sie zu löschen.")
        for stored in rows[0]["stored"] or []:
            files.remove(self.files_dir, stored)

    def add_dates(self, uid, rhythm, count, by):
        """Further dates of an event, `count` of them at the rhythm's distance, as copies with the
        same fields and organisers, districts and contact persons; the event and its copies form a
        series (made here when the event has none). Returns the new events' uids."""
        if rhythm not in RHYTHMS:
            raise DomainError("Unbekannter Rhythmus.")
        if not 1 <= count <= MAX_DATES:
            raise DomainError("Bitte zwischen 1 und {max} weitere Termine anlegen.", max=MAX_DATES)
        event = self.register.get(EVENTS, uid)
        sections, _ = self.register.link_sections(EVENTS, uid)
        by_type = {(s["link"].type, s["direction"]): s["items"] for s in sections}
        series = by_type.get(("IN_SERIES", "out"))
        steps = []
        if series:
            series_uid = series[0]["uid"]
        else:
            series_uid = self.register.create(SERIES, {"name": event["name"], "rhythm": rhythm}, by)
            steps.append(("graph/merge_event_in_series", {"links": [{"from": uid, "to": series_uid}]}))
        values = {spec.name: event.get(spec.name) for spec in EVENTS.fields}
        rows = []
        for index in range(1, count + 1):
            shifted = {name: _shift(values.get(name), rhythm, index)
                       for name in ("starts_at", "ends_at", "registration_opens", "registration_closes")}
            rows.append({"uid": new_uid(), "change_uid": new_uid(),
                         "props": entry_props(EVENTS, {**values, **shifted})})
        steps.append(("events/merge_event_dates", dict(rows=rows, series=series_uid, now=now_iso(), by=by)))
        new = [row["uid"] for row in rows]
        for (link_type, query) in (("ORGANISED_BY", "graph/merge_organised_by"),
                                   ("IN", "graph/merge_event_in"),
                                   ("CONTACT_PERSON", "graph/merge_event_contact")):
            links = [{"from": date_uid, "to": item["uid"],
                      **({"role": item["props"].get("role")} if link_type == "ORGANISED_BY" else {})}
                     for date_uid in new for item in by_type.get((link_type, "out"), [])]
            if links:
                steps.append((query, {"links": links}))
        self.store.write_unit(steps)
        return new

    # --- files --------------------------------------------------------------------------
    def attachments(self, uid):
        return self.store.read("events/list_event_attachments", event=uid)

    def add_attachment(self, uid, filename, stream, by):
        """Stores an uploaded PDF, DOCX or ODT (checked by its content, not only its name)."""
        self.register.get(EVENTS, uid)
        name, media_type, data = files.check(filename, stream)
        stored = files.store(self.files_dir, data)
        try:
            self.store.write("events/create_event_attachment", event=uid, uid=new_uid(), name=name,
                             stored=stored, type=media_type, size=len(data), now=now_iso(), by=by)
        except Exception:
            files.remove(self.files_dir, stored)
            raise
        return name

    def attachment(self, uid, file_uid):
        """(path, name, media type) of one of the event's files, or NotFound."""
        for row in self.attachments(uid):
            if row["uid"] == file_uid:
                return files.path(self.files_dir, row["stored"]), row["name"], row["type"]
        raise NotFound("Diese Datei gibt es nicht.")

    def remove_attachment(self, uid, file_uid):
        rows = self.store.write("events/delete_event_attachment", event=uid, uid=file_uid)
        if not rows:
            raise NotFound("Diese Datei gibt es nicht.")
        files.remove(self.files_dir, rows[0]["stored"])


def _plain(row):
    props = {k: v for k, v in row["props"].items() if k not in DERIVED}
    extra = {k: sorted(v, key=fold) if isinstance(v, list) else v
             for k, v in row.items() if k not in ("total", "props")}
    return {**props, **extra}


def _length(event):
    """How long an event lasts (timedelta), or None without an end."""
    if not event.get("ends_at"):
        return None
    return datetime.fromisoformat(event["ends_at"]) - datetime.fromisoformat(event["starts_at"])


def _shift(value, rhythm, index):
    """A local date-time moved by `index` steps of the rhythm; a month on keeps the day of the
    month (the 31st becomes the month's last day)."""
    if not value:
        return value
    moment = datetime.fromisoformat(value)
    if rhythm == "weekly":
        moment += timedelta(weeks=index)
    elif rhythm == "biweekly":
        moment += timedelta(weeks=2 * index)
    else:
        month = moment.month - 1 + index
        year, month = moment.year + month // 12, month % 12 + 1
        moment = moment.replace(year=year, month=month,
                                day=min(moment.day, calendar.monthrange(year, month)[1]))
    return moment.strftime("%Y-%m-%dT%H:%M")


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text, today=None):
    """"2026-11" -> (2026, 11); anything else -> the current month."""
    match = _MONTH.match(text or "")
    if match and 1 <= int(match.group(2)) <= 12 and 1900 <= int(match.group(1)) <= 2999:
        return int(match.group(1)), int(match.group(2))
    today = today or date.today()
    return today.year, today.month
