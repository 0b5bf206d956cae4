"""The RRULE of a series in iCal, without a database: UNTIL in UTC for timed dates, a cancelled
first date cancels that date alone, the rule's dates read back with dateutil."""
from dateutil.rrule import rrulestr
from icalendar import Calendar

from netzwerk.events.ical import calendar_bytes
from netzwerk.events.recurrence import occurrences

FIRST = {"uid": "cafe-1", "name": "Café", "starts_at": "2030-11-05T15:00", "ends_at": "2030-11-05T17:00",
         "status": "published", "version": 1, "rrule": "FREQ=WEEKLY;BYDAY=TU;UNTIL=20301126"}


def items(*events):
    return Calendar.from_ical(calendar_bytes(list(events), lambda uid: f"https://x/{uid}")).walk("VEVENT")


def test_until_becomes_the_end_of_that_day_in_utc():
    (master,) = items(FIRST)
    assert master["RRULE"]["UNTIL"][0].isoformat() == "2030-11-26T22:59:59+00:00"
    assert master["RRULE"]["FREQ"] == ["WEEKLY"] and master["RRULE"]["BYDAY"] == ["TU"]
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=master.decoded("DTSTART"))
    assert [d.day for d in rule] == [5, 12, 19, 26]


def test_a_cancelled_first_date_cancels_only_itself():
    master, instance = items({**FIRST, "status": "cancelled"})
    assert master["STATUS"] == "CONFIRMED" and "RRULE" in master
    assert instance["STATUS"] == "CANCELLED" and instance["UID"] == master["UID"]
    assert instance.decoded("RECURRENCE-ID") == master.decoded("DTSTART")


def test_an_all_day_series_keeps_until_a_day():
    day = {**FIRST, "starts_at": "2030-11-05T00:00", "ends_at": None, "all_day": True}
    (master,) = items(day)
    assert master["RRULE"]["UNTIL"][0].isoformat() == "2030-11-26"


def test_occurrences_start_at_the_first_date_and_stop_at_the_window():
    from datetime import datetime
    dates = occurrences("FREQ=MONTHLY;BYDAY=1WE", "2030-11-06T18:00", datetime(2030, 10, 1), datetime(2031, 2, 1))
    assert [d.isoformat() for d in dates] == ["2030-11-06T18:00:00", "2030-12-04T18:00:00", "2031-01-01T18:00:00"]
