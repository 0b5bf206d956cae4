"""Group commit on the real store, both engines: registrations that queue while the event's
statement runs are written by one statement (create_registrations), and each ends as if it had
come alone, in the order of arrival: seq, capacity and waitlist, duplicates, rate limits,
invitations; one refused row does not sink the others."""
import threading
import time

from netzwerk.errors import Closed
from netzwerk.registrations.service import Registrations, TooManyAttempts

from ..conftest import raw_rows
from ..registration_helpers import make_event
from ..unit.test_group_commit import queued


def _service(store, **limits):
    return Registrations(store, secret_key="test", **{"address_limit": 0, "event_limit": 0, **limits})


def _call(service, uid, i, **changes):
    kwargs = dict(name=f"P {i}", email=f"p{i}@example.org", answers={}, language="de",
                  form_token=f"t{i}", link_for=lambda token: f"/anmeldung/{token}")
    kwargs.update(changes)
    return lambda: service.register(uid, **kwargs)


def in_batches(service, uid, calls):
    """Runs the calls, one thread each, so that calls[1:] queue behind calls[0] in this order:
    the first statement is held until all have queued. Returns (results in call order, each an
    Outcome or the exception raised; the sizes of the statements that ran)."""
    commit, release, sizes = service.group_commit, threading.Event(), []
    real = commit._run

    def run(group, rows):
        sizes.append(len(rows))
        if len(sizes) == 1:
            assert release.wait(20)
        return real(group, rows)
    commit._run = run
    results = [None] * len(calls)

    def go(i):
        try:
            results[i] = calls[i]()
        except Exception as exc:  # noqa: BLE001
            results[i] = exc
    threads = []
    for i in range(len(calls)):
        before = queued(commit, uid)
        threads.append(threading.Thread(target=go, args=(i,)))
        threads[-1].start()
        deadline = time.monotonic() + 10
        # the first runs (its statement held: it left the queue); the others queue
        while (not sizes if i == 0 else queued(commit, uid) == before) and threads[-1].is_alive() \
                and time.monotonic() < deadline:
            time.sleep(0.001)
    release.set()
    for thread in threads:
        thread.join(30)
    commit._run = real
    return results, sizes


def _stored(store, uid):
    return raw_rows(store, f"MATCH (r:Registration)-[:FOR]->(:Event {{uid: '{uid}'}}) "
                           "RETURN r.name AS name, r.status AS status, r.seq AS seq ORDER BY r.seq")


def _messages(store, uid):
    return raw_rows(store, f"MATCH (m:Message)-[:ABOUT]->(r:Registration)-[:FOR]->(:Event {{uid: '{uid}'}}) "
                           "RETURN r.name AS name, m.kind AS kind ORDER BY r.seq")


def test_a_batch_takes_the_last_places_in_order_of_arrival(store):
    uid = make_event(store, capacity=3)
    service = _service(store)
    results, sizes = in_batches(service, uid, [_call(service, uid, i) for i in range(6)])
    assert sizes == [1, 5]
    assert [r.status for r in results] == ["confirmed"] * 3 + ["waitlisted"] * 3
    stored = _stored(store, uid)
    assert [(r["name"], r["status"], r["seq"]) for r in stored] == \
        [(f"P {i}", "confirmed" if i < 3 else "waitlisted", i + 1) for i in range(6)]
    assert [(m["name"], m["kind"]) for m in _messages(store, uid)] == [(r["name"], r["status"]) for r in stored]
    assert service.free_places(uid) == 0
    # the counter is right: a cancellation moves exactly the first waitlisted up
    assert service.cancel(uid, results[1].uid) == (True, 1)
    assert [r["status"] for r in _stored(store, uid)] == ["confirmed", "cancelled", "confirmed", "confirmed",
                                                          "waitlisted", "waitlisted"]


def test_the_capacity_edge_inside_one_batch(store):
    uid = make_event(store, capacity=2)
    service = _service(store)
    # one place left when the batch runs: its first row takes it, the rest wait
    results, sizes = in_batches(service, uid, [_call(service, uid, i) for i in range(4)])
    assert sizes == [1, 3]
    assert [r.status for r in results] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    # places lowered below what is taken: a whole batch goes to the waitlist, the counter stays
    service.set_capacity(uid, 1)
    results, _ = in_batches(service, uid, [_call(service, uid, i) for i in range(10, 13)])
    assert [r.status for r in results] == ["waitlisted"] * 3
    assert service.free_places(uid) == 0
    # unlimited: all confirmed
    other = make_event(store, uid="ev-open", capacity=None)
    results, _ = in_batches(service, other, [_call(service, other, i) for i in range(3)])
    assert [r.status for r in results] == ["confirmed"] * 3


def test_duplicates_inside_a_batch_and_against_stored_ones(store):
    uid = make_event(store, capacity=10)
    service = _service(store)
    service.register(uid, name="Alt", email="alt@example.org", answers={}, language="de", form_token="t-alt",
                     link_for=lambda token: token)
    calls = [_call(service, uid, 0),
             _call(service, uid, 1, email="Neu@Example.org"),
             _call(service, uid, 2, email="neu@example.org "),          # the same e-mail as 1
             _call(service, uid, 3, email="alt@example.org"),          # already stored
             _call(service, uid, 4, form_token="t1", email="x@example.org"),  # form 1 sent again
             _call(service, uid, 5)]
    results, sizes = in_batches(service, uid, calls)
    assert [r.kind for r in results] == ["created", "created", "existing", "existing", "retry", "created"]
    assert sum(sizes) > len(calls) - 1, "rows sharing a key went into a later statement"
    names = [r["name"] for r in _stored(store, uid)]
    assert sorted(names) == ["Alt", "P 0", "P 1", "P 5"]
    # the second attempt with an e-mail got a fresh link by mail, nothing else
    kinds = raw_rows(store, "MATCH (m:Message) RETURN m.kind AS kind")
    assert sorted(k["kind"] for k in kinds) == ["confirmed"] * 4 + ["existing"] * 2


def test_one_refused_row_does_not_sink_the_others(store):
    uid = make_event(store, capacity=3)
    service = _service(store, address_limit=2)
    calls = [_call(service, uid, 0, address="10.0.0.1"),
             _call(service, uid, 1, address="10.0.0.1"),
             _call(service, uid, 2, address="10.0.0.1"),   # the third from this address: limited
             _call(service, uid, 3, address="10.0.0.2"),
             _call(service, uid, 4, address=None),         # an organiser or API key: not limited
             _call(service, uid, 5, address="10.0.0.2")]
    results, sizes = in_batches(service, uid, calls)
    assert sizes == [1, 5]
    assert isinstance(results[2], TooManyAttempts)
    assert [r.status for i, r in enumerate(results) if i != 2] == \
        ["confirmed", "confirmed", "confirmed", "waitlisted", "waitlisted"]
    # the refused attempt took a number like any attempt, but no place and no registration
    assert [(r["name"], r["seq"]) for r in _stored(store, uid)] == \
        [("P 0", 1), ("P 1", 2), ("P 3", 4), ("P 4", 5), ("P 5", 6)]
    hits = {row["n"] for row in raw_rows(store, "MATCH (t:RateLimit) RETURN size(t.hits) AS n")}
    assert hits == {3, 2}, "every attempt from a limited address is counted, refused or not"


def test_invitations_and_a_closed_event_in_a_batch(store):
    uid = make_event(store, capacity=5, visibility="invitation")
    service = _service(store)
    tokens = {}

    def link_for(token, name):
        tokens[name] = token
        return token
    for name in ("a", "b"):
        service.invite(uid, name, f"{name}@example.org", lambda token, name=name: link_for(token, name), by="test")
    calls = [_call(service, uid, 0, invitation_token=tokens["a"]),
             _call(service, uid, 1, invitation_token="not-an-invitation"),
             _call(service, uid, 2, invitation_token=tokens["b"]),
             _call(service, uid, 3, manual=True, by="organiser")]
    results, _ = in_batches(service, uid, calls)
    assert isinstance(results[1], Closed)
    assert [results[i].status for i in (0, 2, 3)] == ["confirmed"] * 3
    states = {row["name"]: row["status"] for row in service.invitations(uid)}
    assert states == {"a": "registered", "b": "registered"}
    # an unknown event: every row of its batch is refused, none written
    results, _ = in_batches(service, "no-such-event", [_call(service, "no-such-event", i) for i in range(3)])
    assert all(isinstance(r, Closed) for r in results)


def test_a_lost_statement_leaves_its_rows_unknown_and_the_next_batch_writes(store):
    uid = make_event(store, capacity=5)
    service = _service(store)
    from netzwerk.store.errors import StoreUnavailable
    real, calls_made = service._create_batch, []

    def flaky(group, rows):
        calls_made.append(len(rows))
        if len(calls_made) == 2:
            raise StoreUnavailable("gone")
        return real(group, rows)
    service.group_commit._run = flaky
    results, sizes = in_batches(service, uid, [_call(service, uid, i) for i in range(3)])
    assert results[0].kind == "created"
    assert all(isinstance(r, StoreUnavailable) for r in results[1:])
    # the resent forms (same form token) are written now, once
    retried = [_call(service, uid, i)() for i in (1, 2)]
    assert [r.kind for r in retried] == ["created", "created"]
    assert len(_stored(store, uid)) == 3
