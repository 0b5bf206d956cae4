"""The one interface the app uses to reach the graph: named reads, named writes, units of writes."""
from .errors import QueryError


class Store:
    """Runs catalog queries by name and returns plain Python data: lists of dicts."""

    backend = "abstract"

    def __init__(self, catalog):
        self.catalog = catalog

    # --- what the app calls -------------------------------------------------------------
    def read(self, query_name, /, **params):
        """Rows of a read query, as a list of dicts keyed by the RETURN columns."""
        return self._run(self.catalog.get(query_name, "read", params), params)

    def read_one(self, query_name, /, **params):
        """The first row of a read query, or None."""
        rows = self.read(query_name, **params)
        return rows[0] if rows else None

    def write(self, query_name, /, **params):
        """Runs one write query as its own transaction; returns its rows."""
        return self._run(self.catalog.get(query_name, "write", params), params)

    def write_unit(self, steps):
        """Runs several write queries, given as (name, params) pairs, as one unit.

        The statements must be idempotent: a unit may be retried after a transient error.
        """
        queries = [(self.catalog.get(name, "write", params), params) for name, params in steps]
        if not queries:
            raise QueryError("an empty unit of work")
        self._run_unit(queries)

    # --- what a backend provides --------------------------------------------------------
    def _run(self, query, params):
        raise NotImplementedError

    def _run_unit(self, queries):
        raise NotImplementedError

    def ping(self):
        """True when the database answers a trivial query."""
        raise NotImplementedError

    def apply_schema(self):
        """Creates the constraints and indexes of queries/schema/<backend>.cypher, idempotently."""
        raise NotImplementedError

    def close(self):
        pass
