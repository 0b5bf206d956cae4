"""The one interface the app uses to reach the graph: named reads, named writes, units of writes."""
import re
import threading
from contextlib import contextmanager
from dataclasses import replace

from .errors import QueryError, ReadAfterWriteFailed, StoreUnavailable, WriteOutcomeUnknown
from .read_cache import ReadCache


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Store:
    """Runs catalog queries by name and returns plain Python data: lists of dicts."""

    backend = "abstract"
    REMEMBER_MAX = 256  # values remember() keeps per generation

    def __init__(self, catalog, read_cache_bytes=32 << 20):
        self.catalog = catalog
        # kept only where the backend has a generation (see read_cache.py); 0 turns it off.
        # Two caches: `read_cache` for reads that may see registration data (a new registration
        # retires them), `stable_cache` for reads marked `cache: stable`, which registrations do
        # not retire (an event's settings, an API token's user): under a rush of registrations
        # those are still served from memory.
        self.read_cache = ReadCache(read_cache_bytes) if read_cache_bytes else None
        self.stable_cache = ReadCache(read_cache_bytes // 4) if read_cache_bytes else None
        self._local = threading.local()  # the generation pinned for this thread's request
        self._remembered = (None, {})      # (generation, {key: value}): see remember()

    # --- what the app calls -------------------------------------------------------------
    def begin_request(self):
        """A request starts: none of its writes has been answered yet (see _outcome_of_failure)."""
        self._local.wrote = False

    def end_request(self):
        """Outside a request (CLI, seed, batch threads) a failure is judged on its own."""
        self._local.wrote = None

    @contextmanager
    def _outcome_of_failure(self, writing):
        """A failure after this request's own writes were answered never means "nothing saved":
        a read says "saved" (ReadAfterWriteFailed), a refused later write "unknown"."""
        try:
            yield
        except StoreUnavailable as exc:
            if not getattr(self._local, "wrote", False) or exc.outcome != "none":
                raise
            if writing:
                raise WriteOutcomeUnknown(f"an earlier write of this request was saved: {exc}") from exc
            raise ReadAfterWriteFailed(str(exc)) from exc

    def _wrote(self):
        if getattr(self._local, "wrote", None) is not None:  # only inside a request
            self._local.wrote = True

    def read(self, query_name, /, **params):
        """Rows of a read query, as a list of dicts keyed by the RETURN columns."""
        with self._outcome_of_failure(writing=False):
            return self._read(query_name, params)

    def _read(self, query_name, params):
        query = self.catalog.get(query_name, "read", params)
        cache = self.stable_cache if query.stable else self.read_cache
        generation = self._current_generation() if cache is not None and query.cache else None
        if generation is None:
            return self._run(query, params)
        generation = self._generation_of(query, generation)
        key = cache.key(query_name, params)
        rows = cache.get(key, generation)
        if rows is None:
            rows = self._run(query, params)
            # kept only if no write came in while reading: else it might predate that write
            if self._generation_of(query, self.generation()) == generation:
                cache.put(key, generation, rows)
        return rows

    @staticmethod
    def _generation_of(query, generation):
        """A stable read is keyed on the main counter alone; every other read on both."""
        return generation[0] if query.stable else generation

    def remember(self, key, compute):
        """compute(), kept in this process until the next write like a cached read: for values
        derived from reads that every request would otherwise derive again (a list page's
        rendered filter choices). Computed each time where the backend has no generation."""
        with self._outcome_of_failure(writing=False):
            generation = self._current_generation() if self.read_cache is not None else None
        if generation is None:
            return compute()
        remembered_at, values = self._remembered
        if remembered_at != generation:
            values = {}
            self._remembered = (generation, values)
        if key not in values:
            value = compute()
            # not kept when a write came in meanwhile (it might predate it), nor beyond
            # REMEMBER_MAX values per generation (a crawler's many distinct lists stay bounded)
            if self.generation() != generation or len(values) >= self.REMEMBER_MAX:
                return value
            values[key] = value
        return values[key]

    def read_one(self, query_name, /, **params):
        """The first row of a read query, or None."""
        rows = self.read(query_name, **params)
        return rows[0] if rows else None

    def write(self, query_name, /, **params):
        """Runs one write query as its own transaction; returns its rows."""
        query = self.catalog.get(query_name, "write", params)
        try:
            with self._outcome_of_failure(writing=True):
                rows = self._run(query, params)
            self._wrote()
            return rows
        finally:
            self._local.generation = None  # this thread reads its own write

    def write_unit(self, steps):
        """Runs several write queries, given as (name, params) pairs, as one unit.

        The statements must be idempotent: a unit may be retried after a transient error.
        """
        queries = [(self.catalog.get(name, "write", params), params) for name, params in steps]
        if not queries:
            raise QueryError("an empty unit of work")
        try:
            with self._outcome_of_failure(writing=True):
                self._run_unit(queries)
            self._wrote()
        finally:
            self._local.generation = None

    def read_own_writes(self):
        """This thread's next read asks for the generation again: it sees a write that another
        thread made for it (the group commit of registrations, netzwerk/registrations/batch.py)."""
        self._local.generation = None

    def retire_stable_reads(self):
        """Retires every cached read, the stable ones too, as a write without `changes:` does:
        for a registration statement whose result changes a stable fact (it took an event's last
        place, see get_event_full). Nothing to do where the backend keeps no cache."""

    def pin_generation(self):
        """Until unpin_generation(), this thread reads the generation once, not once per read:
        a request's reads see the graph as of its start (and its own writes)."""
        self._local.pinned, self._local.generation = True, None

    def unpin_generation(self):
        self._local.pinned, self._local.generation = False, None

    def _current_generation(self):
        generation = getattr(self._local, "generation", None)
        if generation is None:
            generation = self.generation()
            if getattr(self._local, "pinned", False):
                self._local.generation = generation
        return generation

    # --- backup and restore (netzwerk/backup) -------------------------------------------
    @contextmanager
    def snapshot(self):
        """Inside this block, stream() reads one consistent state of the whole graph."""
        raise NotImplementedError
        yield  # pragma: no cover

    def stream(self, query_name, /, page=5000, **params):
        """Rows of a read query inside snapshot(), a page at a time (never all in memory).

        A query that pages declares the parameters skip and limit; they are filled in here."""
        query = self.catalog.get(query_name, "read", set(params) | ({"skip", "limit"} & self.catalog.params_of(query_name)))
        return self._stream(query, params, page)

    def write_with_names(self, query_name, placeholder, names, /, **params):
        """A write whose labels or relationship type come from data (a backup being restored):
        the one `:placeholder` in the query's text becomes `:`name1`:`name2``. Names are
        checked (letters, digits, underscore): they are not parameters, so never free text."""
        query = self.catalog.get(query_name, "write", params)
        token = ":" + placeholder
        if query.text.count(token) != 1 or not names or not all(_NAME.fullmatch(n) for n in names):
            raise QueryError(f"{query_name}: cannot put {names!r} in place of {token}")
        text = query.text.replace(token, ":" + ":".join(f"`{n}`" for n in names))
        try:
            return self._run(replace(query, text=text), params)
        finally:
            self._local.generation = None

    def _stream(self, query, params, page):
        """Rows of a read inside snapshot(); a backend overrides this."""
        raise NotImplementedError

    # --- what a backend provides --------------------------------------------------------
    def generation(self):
        """(main, registrations): the first changes with every committed write except those
        marked `changes: registrations`, the second with those; or None (nothing is cached)."""
        return None

    def _run(self, query, params):
        raise NotImplementedError

    def _run_unit(self, queries):
        raise NotImplementedError

    def ping(self):
        """True when the database answers a trivial query."""
        raise NotImplementedError

    def apply_schema(self):
        """Creates the constraints and indexes of queries/schema/<backend>.cypher that are
        missing, and nothing else; returns the statements it ran."""
        raise NotImplementedError

    def health(self):
        """What the backend knows about its database beyond a ping: for the embedded server,
        its supervisor's state ({"state": "running" | "restarting" | "down", ...})."""
        return {}

    def close(self):
        pass
