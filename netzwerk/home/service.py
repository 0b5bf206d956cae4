"""The start page's figures: counts of the graph and the next events, as plain data."""
from ..clock import now_iso


def overview(store, now=None):
    """How many entries of each kind there are (events: those still to come)."""
    return store.read_one("home/count_overview", now=now or now_iso())


def upcoming_events(store, now=None, limit=5):
    return store.read("home/list_upcoming_events", now=now or now_iso(), limit=limit)
