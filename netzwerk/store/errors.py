"""Errors the store raises; the web layer maps them to status codes in one place."""


class StoreError(Exception):
    """Base class for everything that goes wrong in the graph store."""


class StoreUnavailable(StoreError):
    """The database cannot be reached, or did not answer in time. Nothing was written."""


class ConstraintViolation(StoreError):
    """A write broke a uniqueness constraint; the whole statement was rolled back."""


class QueryError(StoreError):
    """A programming error: unknown query, wrong mode, or parameters that differ from the header."""


class EmbeddedStartError(StoreError):
    """The embedded FalkorDB server could not be started; the message says why and what to do."""
