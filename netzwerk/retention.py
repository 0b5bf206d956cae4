"""Retention: how long each kind of data is kept, in one registry, applied by `netzwerk retention`.

Every kind has a period in days from the environment (NETZWERK_RETENTION_<KIND>_DAYS) and two
steps: `due` counts what is over its period (the preview), `apply` deletes or anonymises it and
says how many. The defaults and why (docs/retention.md):

  participants    90 days after the event (per event, set on its data-protection page; this is the
                  default for events without their own period): names, e-mails, answers
                  anonymised, the counts stay
  history         730 days: who changed what in the register; long enough to answer "who changed
                  this last year", short enough not to keep every old value for ever
  login_throttle  1 day after the throttling window: failed logins and registration attempts
                  (keyed hashes, no address) are only needed inside their window
  import_stash    1 day: checked import files (people's contact details) waiting to be applied
  outbox          30 days after sending: the messages (names, addresses, links) have done their
                  job; pending ones are never deleted
  audit           365 days: long enough to answer a data subject's or the data protection
                  officer's question about the past year, and itself personal data about the
                  accounts (Art. 5 (1) e DSGVO: no longer than necessary)
"""
import os
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from .participants.service import DEFAULT_RETENTION_DAYS, Participants

BATCH = 5000  # rows deleted per statement: a first run on years of data stays many small writes


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # German, as the command prints it
    default_days: int
    due: Callable  # (context, cutoff) -> count over the period
    apply: Callable  # (context, cutoff) -> count deleted or anonymised
    unit: str = "Einträge"


@dataclass
class Context:
    store: object
    data_dir: Path
    now: datetime  # local time, as now_iso() writes timestamps
    login_window_seconds: int = 15 * 60
    registration_window_seconds: int = 10 * 60
    participant_days: int = DEFAULT_RETENTION_DAYS
    events: list = None  # the participants kind's per-event report, filled by due/apply
    events_now: str = None  # Berlin time for the events' ends; None: now


def _iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _repeat(store, query, **params):
    """Runs a batched delete until nothing is left; the total deleted."""
    total = 0
    while True:
        rows = store.write(query, batch=BATCH, **params)
        done = rows[0]["deleted"] if rows else 0
        total += done
        if done < BATCH:
            return total


# --- participants: the existing per-event anonymisation ------------------------------------
def _participants(apply):
    def run(context, cutoff):
        # the period is per event; `cutoff` is unused: the events' end and their own periods decide
        context.events = Participants(context.store).retention(
            now=context.events_now, apply=apply, default_days=context.participant_days)
        return sum(item["registrations"] for item in context.events)
    return run


# --- graph kinds ---------------------------------------------------------------------------
def _history_due(context, cutoff):
    return context.store.read_one("retention/count_expired_changes", before=_iso(cutoff))["due"]


def _history_apply(context, cutoff):
    return _repeat(context.store, "retention/delete_expired_changes", before=_iso(cutoff))


def _throttle_before(context, cutoff):
    """Epoch ms: a record goes once its newest failure is older than its window plus the period."""
    window = max(context.login_window_seconds, context.registration_window_seconds)
    return int((cutoff - timedelta(seconds=window)).timestamp() * 1000)


def _throttle_due(context, cutoff):
    row = context.store.read_one("retention/count_expired_throttles", before=_throttle_before(context, cutoff))
    return row["logins"] + row["registrations"]


def _throttle_apply(context, cutoff):
    row = context.store.write("retention/delete_expired_throttles", before=_throttle_before(context, cutoff))[0]
    return row["logins"] + row["registrations"]


def _outbox_due(context, cutoff):
    return context.store.read_one("retention/count_expired_messages", before=_iso(cutoff))["due"]


def _outbox_apply(context, cutoff):
    return _repeat(context.store, "retention/delete_expired_messages", before=_iso(cutoff))


def _audit_due(context, cutoff):
    return context.store.read_one("retention/count_expired_audit_entries", before=_iso(cutoff))["due"]


def _audit_apply(context, cutoff):
    return _repeat(context.store, "retention/delete_expired_audit_entries", before=_iso(cutoff))


# --- files ---------------------------------------------------------------------------------
def _stashes(context, cutoff):
    folder = context.data_dir / "imports"
    if not folder.is_dir():
        return []
    limit = cutoff.timestamp()
    return [path for path in folder.iterdir() if path.is_file() and path.stat().st_mtime < limit]


def _stash_due(context, cutoff):
    return len(_stashes(context, cutoff))


def _stash_apply(context, cutoff):
    done = 0
    for path in _stashes(context, cutoff):
        path.unlink(missing_ok=True)
        done += 1
    return done


KINDS = (
    Kind("participants", "Teilnehmendendaten nach der Veranstaltung", DEFAULT_RETENTION_DAYS,
         _participants(False), _participants(True), unit="Anmeldungen"),
    Kind("history", "Änderungsverlauf", 730, _history_due, _history_apply),
    Kind("login_throttle", "Anmeldeversuche (Drosselung)", 1, _throttle_due, _throttle_apply),
    Kind("import_stash", "Geprüfte Importdateien", 1, _stash_due, _stash_apply, unit="Dateien"),
    Kind("outbox", "Gesendete Nachrichten (Postausgang)", 30, _outbox_due, _outbox_apply, unit="Nachrichten"),
    Kind("audit", "Zugriffsprotokoll", 365, _audit_due, _audit_apply),
)


def periods(environ=None):
    """{kind: days}, from NETZWERK_RETENTION_<KIND>_DAYS or the defaults."""
    environ = os.environ if environ is None else environ
    result = {}
    for kind in KINDS:
        value = environ.get(f"NETZWERK_RETENTION_{kind.key.upper()}_DAYS", "").strip()
        days = int(value) if value else kind.default_days
        if days < 0:
            raise ValueError(f"NETZWERK_RETENTION_{kind.key.upper()}_DAYS must not be negative")
        result[kind.key] = days
    return result


def run(store, data_dir, *, apply=False, now=None, days=None, login_window_seconds=15 * 60,
        registration_window_seconds=10 * 60):
    """Every kind in turn: [{key, label, days, unit, count, applied, events}]. `count` is what is
    due (preview) or what was done (apply); `events` the participants kind's per-event detail."""
    days = days or periods()
    context = Context(store=store, data_dir=Path(data_dir), now=now or datetime.now(),
                      login_window_seconds=login_window_seconds,
                      registration_window_seconds=registration_window_seconds,
                      participant_days=days["participants"], events_now=_iso(now) if now else None)
    report = []
    for kind in KINDS:
        cutoff = context.now - timedelta(days=days[kind.key])
        step = kind.apply if apply else kind.due
        started = time.monotonic()
        count = step(context, cutoff)
        report.append({"key": kind.key, "label": kind.label, "days": days[kind.key], "unit": kind.unit,
                       "count": int(count), "applied": apply,
                       "seconds": time.monotonic() - started,
                       "events": context.events if kind.key == "participants" else None})
    return report
