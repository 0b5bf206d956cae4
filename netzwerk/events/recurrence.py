"""A series' recurrence rule (RRULE) expanded into dates with python-dateutil.

The rule is stored on the Series without a start; its first date (the series' earliest event)
is DTSTART, so "FREQ=WEEKLY;BYDAY=TU" anchored at Tuesday 3 November 2026, 15:00 means every
Tuesday at 15:00 from then on. The dates are Berlin wall time, as the events' own times.
"""
from datetime import datetime

from dateutil.rrule import rrulestr

MAX_OCCURRENCES = 400  # one window never expands more (a daily rule over a year and a month)


def occurrences(rule, first_start, start, end):
    """The rule's dates (datetime, naive Berlin time) in [start, end), from first_start on."""
    dtstart = datetime.fromisoformat(first_start)
    dates = rrulestr(rule, dtstart=dtstart, cache=False).between(start, end, inc=True)
    return [d for d in dates if d < end][:MAX_OCCURRENCES]


def series_plans(rows):
    """Rows of events/list_recurring_series -> {series uid: (rule, [its dates, soonest first])}."""
    plans = {}
    for row in rows:
        rule, dates = plans.setdefault(row["series"], (row["recurrence"], []))
        dates.append(row)
    return plans
