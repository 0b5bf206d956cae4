"""Group commit: registrations for one event that arrive while its statement runs share the next one.

Every registration must be one statement under the event's lock, durable before it is answered
(`appendfsync always`; Neo4j commits durably). One statement per registration made the lock,
the statement's planning and the fsync the bottleneck: the database served one registration per
round trip however many requests waited. Here, per worker process and event, the first request
runs the statement; requests that arrive meanwhile queue, and when it is done the first of them
runs one statement for all of them (up to `max_rows`), as databases do with group commit. Nobody
waits for a timer: alone, a request runs at once; under load, a batch forms by itself while the
previous one is in the database. Each request gets its own row's result, or the statement's
exception (then the outcome of all its rows is unknown, as with a single statement).

Two entries with the same e-mail key or form token never share a batch (the later one waits for
the next): the statement checks duplicates against what is stored, so each row of a batch can be
decided as if the rows had come one by one (queries/registrations/create_registrations.cypher).
"""
import threading
from collections import deque


class _Ticket:
    __slots__ = ("row", "keys", "wake", "lead", "done", "result", "error")

    def __init__(self, row, keys):
        self.row, self.keys = row, keys
        self.wake = threading.Event()
        self.lead = self.done = False
        self.result = self.error = None


class GroupCommit:
    """`run(group, rows)` writes the rows of one group (an event) in one statement and returns one
    result per row, in order. submit() blocks until its row is written and returns its result."""

    def __init__(self, run, max_rows=64):
        self._run = run
        self.max_rows = max(1, int(max_rows))
        self._lock = threading.Lock()
        self._queues = {}  # group -> deque of tickets; present while a statement of the group runs

    def submit(self, group, row, keys=()):
        """`keys`: values no two rows of one batch may share (the e-mail key, the form token)."""
        ticket = _Ticket(row, frozenset(k for k in keys if k))
        with self._lock:
            queue = self._queues.get(group)
            if queue is None:  # nothing running for this group: this request leads at once
                self._queues[group] = queue = deque()
                ticket.lead = True
            queue.append(ticket)
        if not ticket.lead:
            ticket.wake.wait()
        if not ticket.done:  # it leads: the queue's head, so it is in the batch it takes
            self._lead(group)
        if ticket.error is not None:
            raise ticket.error
        return ticket.result

    def _take(self, queue):
        """Up to max_rows tickets from the queue in order, leaving those that share a key with
        one already taken for the next batch (they keep their order)."""
        batch, seen, left = [], set(), deque()
        while queue and len(batch) < self.max_rows:
            ticket = queue.popleft()
            if ticket.keys & seen:
                left.append(ticket)
            else:
                seen |= ticket.keys
                batch.append(ticket)
        queue.extendleft(reversed(left))
        return batch

    def _lead(self, group):
        with self._lock:
            batch = self._take(self._queues[group])
        try:
            results = self._run(group, [t.row for t in batch])
            if len(results) != len(batch):
                raise RuntimeError(f"group commit: {len(results)} results for {len(batch)} rows")
            for ticket, result in zip(batch, results):
                ticket.result = result
        except BaseException as exc:  # noqa: B902 - every waiting request must hear of it
            for ticket in batch:
                ticket.error = exc
        finally:
            with self._lock:
                queue = self._queues[group]
                if queue:  # the next batch: its first ticket leads it, in its own thread
                    queue[0].lead = True
                    queue[0].wake.set()
                else:
                    del self._queues[group]
            for ticket in batch:
                ticket.done = True
                if not ticket.lead:
                    ticket.wake.set()
