"""Errors the store raises; the web layer maps them to status codes in one place."""


class StoreError(Exception):
    """Base class for everything that goes wrong in the graph store."""


class StoreUnavailable(StoreError):
    """The database cannot be reached: the statement was never sent, or was sent and known
    not to have been applied (a server-side timeout, a transaction that never committed).

    `outcome` says what the user may be told: "none" (nothing of this request was saved),
    "unknown" (a write was sent and its answer lost), "saved" (this request's writes were
    answered, a read after them failed)."""

    outcome = "none"


class WriteOutcomeUnknown(StoreUnavailable):
    """A write was sent and its answer was lost (timeout, connection reset while waiting, a
    commit whose reply never came): it may or may not have been applied."""

    outcome = "unknown"


class ReadAfterWriteFailed(StoreUnavailable):
    """This request's writes were answered (saved); a later read of the same request failed."""

    outcome = "saved"


class ConstraintViolation(StoreError):
    """A write broke a uniqueness constraint; the whole statement was rolled back."""


class QueryError(StoreError):
    """A programming error: unknown query, wrong mode, or parameters that differ from the header."""


class EmbeddedStartError(StoreError):
    """The embedded FalkorDB server could not be started; the message says why and what to do."""
