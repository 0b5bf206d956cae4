"""The group commit's queue, without a database: who leads, what shares a batch, who hears what."""
import threading
import time

import pytest

from netzwerk.registrations.batch import GroupCommit


class Gate:
    """A `run` that holds its first call until released and records every batch it is given."""

    def __init__(self, fail=lambda rows: False):
        self.batches, self.release, self.fail = [], threading.Event(), fail

    def __call__(self, group, rows):
        if not self.batches:
            self.batches.append((group, list(rows)))
            assert self.release.wait(10)
        else:
            self.batches.append((group, list(rows)))
        if self.fail(rows):
            raise RuntimeError("the database went away")
        return [f"{group}:{row}" for row in rows]


def queued(commit, group):
    with commit._lock:
        queue = commit._queues.get(group)
        return len(queue) if queue else 0


def commit_runs(commit):
    return getattr(commit._run, "batches", ())


def submit_in_order(commit, group, rows, keys=None, results=None):
    """Submits the rows from one thread each, the next only once the previous has queued, so that
    the order of arrival is the order given. Returns the threads and the results by row."""
    results = {} if results is None else results
    threads = []
    for i, row in enumerate(rows):
        def go(row=row, i=i):
            try:
                results[row] = commit.submit(group, row, keys=(keys or {}).get(row, ()))
            except Exception as exc:  # noqa: BLE001
                results[row] = exc
        before = queued(commit, group), len(commit_runs(commit))
        thread = threading.Thread(target=go)
        thread.start()
        threads.append(thread)
        deadline = time.monotonic() + 5
        # the first runs at once (it leaves the queue: its statement is held); the others queue
        while (queued(commit, group), len(commit_runs(commit))) == before and thread.is_alive() \
                and time.monotonic() < deadline:
            time.sleep(0.001)
    return threads, results


def test_alone_a_row_is_written_at_once():
    commit = GroupCommit(lambda group, rows: [row * 2 for row in rows])
    assert commit.submit("e", 21) == 42
    assert commit._queues == {}


def test_rows_that_arrive_while_a_statement_runs_share_the_next_one_in_order():
    gate = Gate()
    commit = GroupCommit(gate)
    threads, results = submit_in_order(commit, "e", ["a", "b", "c", "d"])
    gate.release.set()
    for thread in threads:
        thread.join(5)
    assert gate.batches == [("e", ["a"]), ("e", ["b", "c", "d"])]
    assert results == {row: f"e:{row}" for row in "abcd"}
    assert commit._queues == {}


def test_at_most_max_rows_share_a_statement():
    gate = Gate()
    commit = GroupCommit(gate, max_rows=2)
    threads, _ = submit_in_order(commit, "e", list("abcde"))
    gate.release.set()
    for thread in threads:
        thread.join(5)
    assert [rows for _, rows in gate.batches] == [["a"], ["b", "c"], ["d", "e"]]


def test_rows_sharing_a_key_never_share_a_batch_and_keep_their_order():
    gate = Gate()
    commit = GroupCommit(gate)
    keys = {"a": ("x",), "b": ("mail:1",), "c": ("mail:1",), "d": ("form:9",), "e": ("form:9", "mail:2")}
    threads, results = submit_in_order(commit, "e", list("abcde"), keys)
    gate.release.set()
    for thread in threads:
        thread.join(5)
    assert [rows for _, rows in gate.batches] == [["a"], ["b", "d"], ["c", "e"]]
    assert len(results) == 5


def test_other_events_do_not_wait():
    gate = Gate()
    commit = GroupCommit(gate)
    threads, _ = submit_in_order(commit, "e1", ["a"])
    assert commit.submit("e2", "z") == "e2:z"  # e1's statement is still held
    gate.release.set()
    threads[0].join(5)


def test_a_failed_statement_fails_its_rows_only_and_the_next_batch_still_runs():
    gate = Gate(fail=lambda rows: "b" in rows)
    commit = GroupCommit(gate, max_rows=2)
    threads, results = submit_in_order(commit, "e", list("abcd"))
    gate.release.set()
    for thread in threads:
        thread.join(5)
    assert [rows for _, rows in gate.batches] == [["a"], ["b", "c"], ["d"]]
    assert results["a"] == "e:a" and results["d"] == "e:d"
    assert all(isinstance(results[row], RuntimeError) for row in "bc")
    assert commit._queues == {}


def test_a_run_that_answers_for_the_wrong_number_of_rows_fails_them():
    commit = GroupCommit(lambda group, rows: [])
    with pytest.raises(RuntimeError, match="0 results for 1 rows"):
        commit.submit("e", "a")
