"""The lean registration path: reads marked `cache: stable` survive registrations (and read no
registration data), writes marked `changes: registrations` touch nothing else, and the counter
of confirmed places always equals the confirmed registrations. Both engines where it applies."""
import re

import pytest

from netzwerk.config import PROJECT_ROOT
from netzwerk.registrations.service import Registrations
from netzwerk.store import QueryCatalog

from ..registration_helpers import make_event

REGISTRATION_DATA = re.compile(r"Registration|RegistrationLink|Message|RateLimit|Invitation|"
                               r"registration_seq|registration_confirmed")


def test_stable_reads_read_no_registration_data_and_registration_writes_change_nothing_else():
    catalog = QueryCatalog(PROJECT_ROOT / "queries")
    stable = [q for q in catalog if q.stable]
    assert {q.name for q in stable} >= {"registrations/get_registration_form_event", "auth/get_api_token_user"}
    for query in stable:
        if query.name == "registrations/get_event_full":
            continue  # reads the counter on purpose: the statement that fills an event retires it
        body = "\n".join(line for line in query.text.splitlines() if not line.startswith("//"))
        assert not REGISTRATION_DATA.search(body), query.name
    for query in (q for q in catalog if q.registrations_only):
        body = "\n".join(line for line in query.text.splitlines() if not line.startswith("//"))
        # the only Event properties such a write may set are the two counters
        set_lines = [line for line in body.splitlines() if "SET " in line or line.startswith("    e.")]
        for prop in re.findall(r"\be\.(\w+)\s*=", "\n".join(set_lines)):
            assert prop in ("registration_seq", "registration_confirmed"), (query.name, prop)
        assert "e +=" not in body and "DELETE" not in body.upper().split("DETACH")[0], query.name


def _service(store):
    return Registrations(store, secret_key="test", address_limit=0, event_limit=0)


def _register(service, uid, i):
    return service.register(uid, name=f"P {i}", email=f"p{i}@example.org", answers={}, language="de",
                            form_token=f"t{i}", link_for=lambda token: f"/anmeldung/{token}")


def test_the_counter_of_confirmed_places_follows_every_change(store):
    uid = make_event(store, capacity=2)
    service = _service(store)
    made = [_register(service, uid, i) for i in range(4)]
    assert [m.status for m in made] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]

    def counter_and_count():
        rows = service.participants(uid)
        return service.free_places(uid), sum(r["status"] == "confirmed" for r in rows)
    assert counter_and_count() == (0, 2)
    service.cancel(uid, made[0].uid)          # the first waitlisted moves up
    assert counter_and_count() == (0, 2)
    service.set_capacity(uid, 5)              # the other one too; 2 places stay free
    assert counter_and_count() == (2, 3)
    service.set_capacity(uid, 1)              # nobody moves down; nothing is free
    assert counter_and_count() == (0, 3)
    assert _register(service, uid, 9).status == "waitlisted"


def test_data_migration_3_fills_the_counter(store):
    uid = make_event(store, capacity=3)
    service = _service(store)
    for i in range(2):
        _register(service, uid, i)
    store.write("registrations/count_confirmed_registrations")
    assert service.free_places(uid) == 1


def test_a_registration_keeps_stable_reads_cached_and_retires_the_others(store):
    uid = make_event(store, capacity=2)
    service = _service(store)
    service.form_event(uid)
    service.event(uid)
    stable_hits, hits = store.stable_cache.hits, store.read_cache.hits
    _register(service, uid, 1)
    service.form_event(uid)
    assert store.stable_cache.hits == stable_hits + 1, "the event's settings stay in memory"
    assert service.event(uid)["confirmed"] == 1, "a read of registration data sees the new one"
    assert store.read_cache.hits == hits
    # an ordinary write (a changed capacity) retires the stable reads too
    service.set_capacity(uid, 3)
    assert service.form_event(uid)["capacity"] == 3


def test_the_unlocked_control_decides_from_an_earlier_count(store):
    """The control of the concurrency proof (test only): places counted by a read, the status
    decided in Python, then written. One at a time it behaves; only concurrency breaks it (the
    proof runs it under gunicorn, where this process does not see the query run)."""
    uid = make_event(store, capacity=1)
    service = Registrations(store, secret_key="test", address_limit=0, event_limit=0, unlocked=True)
    made = [_register(service, uid, i) for i in range(2)]
    assert [m.status for m in made] == ["confirmed", "waitlisted"]
    assert sum(r["status"] == "confirmed" for r in service.participants(uid)) == 1


def test_whether_an_event_is_full_is_never_served_stale(store):
    """The form page's "all places taken" comes from a read registrations do not retire; the
    statement that takes the last place, a cancellation and a capacity change retire it."""
    uid = make_event(store, capacity=2)
    service = _service(store)
    assert service.is_full(uid) is False
    made = [_register(service, uid, 0)]
    assert service.is_full(uid) is False       # kept in the stable cache (FalkorDB) ...
    made.append(_register(service, uid, 1))
    assert service.is_full(uid) is True        # ... until the statement that took the last place
    assert _register(service, uid, 2).status == "waitlisted"
    assert service.is_full(uid) is True
    service.cancel(uid, made[0].uid)           # the waitlisted one moves up: still full
    assert service.is_full(uid) is True
    service.cancel(uid, made[1].uid)           # nobody left to move up: a place is free
    assert service.is_full(uid) is False
    service.set_capacity(uid, 1)
    assert service.is_full(uid) is True
    service.set_capacity(uid, 3)
    assert service.is_full(uid) is False
    assert service.is_full("no-such-event") is False


def test_a_batch_that_fills_the_event_says_so_on_every_row(store):
    uid = make_event(store, capacity=3)
    service = _service(store)
    _register(service, uid, 0)
    rows = [dict(uid=f"b{i}", registration={"name": f"B {i}", "email": f"b{i}@example.org",
                                            "email_key": f"b{i}@example.org", "form_token": f"bt{i}"},
                 link_hash=f"bh{i}", message=service._message("2026-01-01T00:00"), form_token=f"bt{i}",
                 email_key=f"b{i}@example.org", invitation="", manual=False, address_key="", event_key="")
            for i in range(3)]
    results = service._create_batch(uid, rows)
    assert [r["status"] for r in results] == ["confirmed", "confirmed", "waitlisted"]
    assert [r["filled"] for r in results] == [True, True, True]
    assert service.is_full(uid) is True
    more = service._create_batch(uid, [dict(rows[0], uid="c0", link_hash="ch0", form_token="ct0", email_key="c0@example.org")])
    assert more[0]["status"] == "waitlisted" and more[0]["filled"] is False
