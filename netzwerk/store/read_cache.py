"""Read results kept in the process until the graph changes.

Most requests read what the last request read: the same list page, the same filter choices,
the same user. The store keeps a *generation*, a number the backend bumps atomically with
every write (FalkorDB: a redis counter incremented in the same MULTI/EXEC as the write).
A cached result is used only while the generation it was read at is still current, so a write
in any process is seen by the next read in every process: no time-based staleness.

Results are kept pickled: every hit returns a fresh copy that a caller may change freely, and
the memory held is counted in bytes. Large results (exports) are not kept.
"""
import pickle
import threading
from collections import OrderedDict

MAX_ROWS = 2000          # a result with more rows is an export or a scan: not worth keeping
MAX_ENTRY_BYTES = 1 << 20


class ReadCache:
    def __init__(self, max_bytes=32 << 20):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()  # key -> pickled rows, least recently used first
        self._generation = None        # every entry was read at this generation
        self._bytes = 0
        self._lock = threading.Lock()  # the development server serves requests in threads
        self.hits = self.misses = 0

    @staticmethod
    def key(query_name, params):
        return query_name + repr(sorted(params.items()))

    def get(self, key, generation):
        with self._lock:
            if generation != self._generation:
                self._clear(generation)
            blob = self._entries.get(key)
            if blob is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
        return pickle.loads(blob)

    def put(self, key, generation, rows):
        if len(rows) > MAX_ROWS:
            return
        blob = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
        if len(blob) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            if generation != self._generation:
                return  # a write came in between: the next reader fills the cache
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._entries[key] = blob
            self._bytes += len(blob)
            while self._bytes > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def _clear(self, generation):
        self._entries.clear()
        self._bytes = 0
        self._generation = generation

    def __len__(self):
        return len(self._entries)
