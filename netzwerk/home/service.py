"""The start page's figures: counts of the graph, the next events, recent changes, and a
search over every kind of entry, as plain data."""
from ..clock import now_iso
from ..register.model import KINDS_BY_LABEL
from ..text import fold


def overview(store, now=None):
    """How many entries of each kind there are (needs: open ones; events: those to come)."""
    # to the minute: the same question for a minute, so the store can keep the answer
    return store.read_one("home/count_overview", now=now or now_iso()[:16])


def upcoming_events(store, now=None, limit=5):
    return store.read("home/list_upcoming_events", now=now or now_iso()[:16], limit=limit)


def recent_changes(store, with_private, limit=10):
    """Who changed which entry and when; never which fields or values."""
    return [{**row, "kind": KINDS_BY_LABEL.get(row["label"])}
            for row in store.read("home/list_recent_changes", limit=limit, with_private=with_private)]


def search_everything(store, text, limit=50):
    """Entries of every kind matching the text, grouped by kind in the model's order."""
    query = fold(text)
    if not query:
        return []
    groups = {}
    for row in store.read("register/list_entries_matching", q=query, limit=limit):
        kind = KINDS_BY_LABEL.get(row["label"])
        if kind is not None:
            groups.setdefault(kind, []).append(row)
    return sorted(groups.items(), key=lambda item: list(KINDS_BY_LABEL.values()).index(item[0]))
