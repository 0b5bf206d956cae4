"""Events as iCalendar (RFC 5545) with the icalendar library: one event or the public feed.

Stored times are Berlin wall time; each DTSTART/DTEND carries TZID=Europe/Berlin and the
calendar its VTIMEZONE, which Outlook needs. The UID is stable (`<uid>@netzwerk`) and SEQUENCE
is the entry's version, so a changed or cancelled event replaces the copy in people's calendars.
"""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

BERLIN = ZoneInfo("Europe/Berlin")
STATUS = {"published": "CONFIRMED", "cancelled": "CANCELLED", "draft": "TENTATIVE"}


def calendar_bytes(events, url_of, name="netzwerk"):
    """The events as one VCALENDAR; `url_of(uid)` gives an event's page (absolute URL)."""
    cal = Calendar()
    cal.add("prodid", "-//netzwerk//Veranstaltungen//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        item = _vevent(event, url_of(event["uid"]))
        if event.get("rrule"):  # the first date of a series with a rule: the rule's master
            _add_rule(item, event)
            if event.get("status") == "cancelled":
                # STATUS on the master would cancel every date: only this first date is off
                item["status"] = "CONFIRMED"
                cal.add_component(item)
                item = _vevent(event, url_of(event["uid"]))
                item.add("recurrence-id", item.decoded("dtstart"))
        elif event.get("recurrence_of"):  # another date of it: that master's changed instance
            item["uid"] = f"{event['recurrence_of']}@netzwerk"
            item.add("recurrence-id", item.decoded("dtstart"))
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def _add_rule(item, event):
    """RRULE of the series; an UNTIL day becomes the end of that day in UTC when the dates have
    a time (RFC 5545: UNTIL has DTSTART's value type, in UTC with a TZID)."""
    rule = vRecur.from_ical(event["rrule"])
    until = rule.get("UNTIL")
    if until and not event.get("all_day"):
        last = until[0]
        if not isinstance(last, datetime):
            last = datetime(last.year, last.month, last.day, 23, 59, 59, tzinfo=BERLIN)
        elif last.tzinfo is None:
            last = last.replace(tzinfo=BERLIN)
        rule["UNTIL"] = [last.astimezone(ZoneInfo("UTC"))]
    elif until and event.get("all_day"):
        last = until[0]
        rule["UNTIL"] = [last.date() if isinstance(last, datetime) else last]
    item.add("rrule", rule)


def _local(text):
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def _vevent(event, url):
    item = Event()
    item.add("uid", f"{event['uid']}@netzwerk")
    item.add("summary", event["name"])
    stamp = event.get("updated_at") or event.get("created_at")
    item.add("dtstamp", (_local(stamp) if stamp else datetime.now(BERLIN)).astimezone(ZoneInfo("UTC")))
    if event.get("all_day"):
        day = date.fromisoformat(event["starts_at"][:10])
        last = date.fromisoformat((event.get("ends_at") or event["starts_at"])[:10])
        item.add("dtstart", day)
        item.add("dtend", last + timedelta(days=1))  # DTEND of a day is exclusive
    else:
        item.add("dtstart", _local(event["starts_at"]))
        if event.get("ends_at"):
            item.add("dtend", _local(event["ends_at"]))
    item.add("sequence", int(event.get("version") or 0))
    item.add("status", STATUS.get(event.get("status"), "CONFIRMED"))
    location = ", ".join(part for part in (event.get("venue"), event.get("address")) if part)
    if location:
        item.add("location", location)
    item.add("url", url)
    description = "\n\n".join(part for part in (event.get("description"), event.get("online_url"), url) if part)
    item.add("description", description)
    return item
