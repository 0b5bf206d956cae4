"""Timestamps made in Python (FalkorDB has no datetime()): ISO-8601 strings in local time."""
import time


def now_iso():
    """Stored on nodes: created_at, updated_at, a change's time."""
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def now_millis():
    return int(time.time() * 1000)


def today():
    return time.strftime("%Y-%m-%d")
