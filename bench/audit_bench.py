"""The audit log's cost on the embedded FalkorDB: prints, asserts nothing.

    .venv/bin/python bench/audit_bench.py [--entries 100000] [--runs 300]

In a fresh embedded store (temporary directory): the time of one `record(...)` (one entry, one
statement, as a person's page pays it), of `record_many` with 500 entries (an export), whether a
record retires the read cache (it must not: `changes: audit`), then, with --entries entries in
the log, the admin page's query (`entries`, newest first, unfiltered and by subject) and the
retention's count and delete of everything older than the middle.
"""
import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from netzwerk.audit import service  # noqa: E402
from netzwerk.config import Config  # noqa: E402
from netzwerk.retention import run  # noqa: E402
from netzwerk.store import open_store  # noqa: E402


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        config = Config()
        config.DATABASE_URL, config.DATA_DIR = "embedded", Path(folder)
        store = open_store(config)
        try:
            store.apply_schema()
            median, worst = timed(lambda: service.record(store, "u-1", "view", "person", "p-1", "contacts"), args.runs)
            print(f"record (1 entry): median {median:.2f} ms, max {worst:.2f} ms")
            many = [service.Entry("export", "person", f"p-{n}", "contacts") for n in range(500)]
            median, worst = timed(lambda: service.record_many(store, "u-1", many), 20)
            print(f"record_many (500 entries): median {median:.2f} ms, max {worst:.2f} ms")
            before = store.generation()
            service.record(store, "u-1", "view", "person", "p-1", "contacts")
            print(f"read-cache generation unchanged by a record: {store.generation() == before}")
            start = datetime(2025, 1, 1)
            chunk = 5000
            for offset in range(0, args.entries, chunk):
                rows = [service.Entry("view", "person", f"p-{n % 5000}", "contacts")
                        for n in range(offset, min(offset + chunk, args.entries))]
                service.record_many(store, "u-1", rows,
                                    at=(start + timedelta(minutes=offset)).strftime("%Y-%m-%dT%H:%M:%S"))
            median, worst = timed(lambda: service.entries(store), 20)
            print(f"admin page, {args.entries} entries, newest 50: median {median:.1f} ms, max {worst:.1f} ms")
            median, worst = timed(lambda: service.entries(store, subject="p-42"), 20)
            print(f"admin page filtered by subject: median {median:.1f} ms, max {worst:.1f} ms")
            middle = start + timedelta(minutes=args.entries // 2)
            now = middle + timedelta(days=365)
            started = time.perf_counter()
            due = {r["key"]: r["count"] for r in run(store, folder, now=now)}["audit"]
            counted = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            done = {r["key"]: r["count"] for r in run(store, folder, now=now, apply=True)}["audit"]
            print(f"retention: {due} due counted in {counted:.0f} ms (all kinds), {done} deleted in "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms (all kinds)")
        finally:
            store.close()


if __name__ == "__main__":
    main()
