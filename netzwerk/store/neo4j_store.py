"""Neo4j backend (production): one driver per process, the official `neo4j` driver.

In production it reaches the server of docker-compose.yml; in the tests and with
`neo4j-embedded` it reaches the same engine in the launcher of tools/neo4j over Bolt.
"""
import re
from contextlib import contextmanager

import neo4j
from neo4j import GraphDatabase, RoutingControl
import time

from neo4j.exceptions import (ConstraintError, DriverError, IncompleteCommit, Neo4jError,
                              ServiceUnavailable, SessionExpired, TransientError)

from .base import Store
from .errors import ConstraintViolation, StoreUnavailable, WriteOutcomeUnknown

# every write transaction ends with it: what the read cache is keyed on
BUMP = "system/bump_cache_generation"


def _translate(exc):
    if isinstance(exc, IncompleteCommit):
        # the connection broke while the COMMIT's answer was awaited: applied or not, nobody knows
        return WriteOutcomeUnknown(f"Neo4j: Antwort auf den Abschluss einer Transaktion verloren: {exc}")
    if isinstance(exc, ConstraintError):
        return ConstraintViolation(str(exc))
    if isinstance(exc, Neo4jError) and "TransactionTimedOut" in (exc.code or ""):
        # the server ended the transaction at its time limit and rolled it back: nothing written
        return StoreUnavailable(f"Neo4j antwortet nicht rechtzeitig: {exc.message}")
    if isinstance(exc, (ServiceUnavailable, SessionExpired, TransientError, DriverError)):
        return StoreUnavailable(f"Neo4j nicht erreichbar: {exc}")
    return None


class Neo4jStore(Store):
    backend = "neo4j"

    def __init__(self, catalog, *, url, user, password, database, query_timeout, connect_timeout,
                 server=None, read_cache_bytes=32 << 20):
        # the read cache is keyed on a node every write transaction bumps as its last statement
        # (queries/system/bump_cache_generation.cypher): one small read per request instead of
        # every read of the page (docs/performance.md)
        super().__init__(catalog, read_cache_bytes)
        self.server = server  # the EmbeddedNeo4j this store owns, if any
        self.database = database
        self.query_timeout = query_timeout
        self.location = url
        self.driver = GraphDatabase.driver(
            url, auth=(user, password),
            connection_timeout=connect_timeout,
            connection_acquisition_timeout=connect_timeout,
            # retries of transient errors end well inside a web request
            max_transaction_retry_time=query_timeout,
            # the server's hints (unknown label, property not yet used) are noise in our logs;
            # the queries are checked by Neo4j's linter and run in the tests instead
            notifications_min_severity="OFF")

    def _query(self, query):
        return neo4j.Query(query.text, timeout=self.query_timeout)

    def generation(self):
        """(epoch:main, epoch:registrations) of the CacheGeneration node, or None before the
        first write (nothing is kept until there is a counter to key it on)."""
        rows = self._run(self.catalog.get("system/get_cache_generation", "read", {}), {})
        if not rows:
            return None
        row = rows[0]
        return (f"{row['epoch']}:{row['main']}", f"{row['epoch']}:{row['registrations']}")

    def _bump(self, queries):
        """(query, params) of the counter statement that ends a write transaction of these
        statements, or None: audit entries are read uncached, an audit write retires nothing,
        and the counter statement sent on its own is not counted twice. No statements:
        retire_stable_reads, the main counter alone."""
        if queries and all(query.audit_only or query.name == BUMP for query, _ in queries):
            return None
        params = {"registrations": bool(queries) and all(query.registrations_only for query, _ in queries)}
        return self.catalog.get(BUMP, "write", params), params

    def retire_stable_reads(self):
        try:
            self._write([])
        finally:
            self._local.generation = None  # this thread's next read sees the new counter

    def _run(self, query, params):
        if query.mode != "read":
            return self._write([(query, params)])
        try:
            records, _, _ = self.driver.execute_query(
                self._query(query), params, routing_=RoutingControl.READ, database_=self.database)
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc
        return [record.data() for record in records]

    def _run_unit(self, queries):
        self._write(queries)

    def _write(self, queries):
        """The statements in one explicit transaction; the rows of the last.

        Not the driver's managed retries (execute_query, execute_write): they also retry after a
        connection lost while the COMMIT's answer was awaited, which could apply a write twice.
        Here a failure before COMMIT was sent is retried (the server rolled the transaction back,
        nothing was written), and one while COMMIT was under way is raised as unknown."""
        deadline = time.monotonic() + self.query_timeout
        delay = 0.05
        while True:
            try:
                with self.driver.session(database=self.database) as session:
                    with session.begin_transaction(timeout=self.query_timeout) as tx:
                        rows = []
                        for query, params in queries:
                            rows = [record.data() for record in tx.run(query.text, params)]
                        bump = self._bump(queries)
                        if bump is not None:
                            tx.run(bump[0].text, bump[1]).consume()
                        tx.commit()
                        return rows
            except (Neo4jError, DriverError) as exc:
                retry = (not isinstance(exc, IncompleteCommit) and exc.is_retryable()
                         and time.monotonic() + delay < deadline)
                if not retry:
                    raise (_translate(exc) or exc) from exc
            time.sleep(delay)
            delay *= 2

    @contextmanager
    def snapshot(self, timeout=3600):
        """Reads inside run in one read transaction: one consistent state of the graph (the
        timeout overrides the server's db.transaction.timeout for this transaction only)."""
        try:
            with self.driver.session(database=self.database, default_access_mode=neo4j.READ_ACCESS) as session:
                with session.begin_transaction(timeout=timeout) as tx:
                    self._local.snapshot_tx = tx
                    try:
                        yield self
                    finally:
                        self._local.snapshot_tx = None
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc

    def _stream(self, query, params, page):
        """The whole result of one statement, fetched from the server `page` records at a time."""
        tx = self._local.snapshot_tx
        if "skip" in query.params:
            params = dict(params, skip=0, limit=2 ** 62)
        try:
            for record in tx.run(query.text, params):
                yield record.data()
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc

    def ping(self):
        try:
            self.driver.execute_query("RETURN 1", database_=self.database,
                                      routing_=RoutingControl.READ)
            return True
        except (Neo4jError, DriverError):
            return False

    def missing_schema(self):
        """The statements of queries/schema/neo4j.cypher whose named constraint or index is
        not listed by SHOW CONSTRAINTS / SHOW INDEXES (a constraint's own index has its name)."""
        try:
            names = {record["name"] for statement in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name")
                     for record in self.driver.execute_query(statement, database_=self.database).records}
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc
        missing = []
        for statement in self.catalog.schema_statements("neo4j"):
            match = re.match(r"CREATE (?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS", statement, re.IGNORECASE)
            if not match or match.group(1) not in names:
                missing.append(statement)
        return missing

    def apply_schema(self):
        """Runs only the schema statements whose constraint or index is missing (IF NOT
        EXISTS keeps a race with another process harmless). Returns the statements run."""
        missing = self.missing_schema()
        for statement in missing:
            self.driver.execute_query(statement, database_=self.database)
        return missing

    def delete_graph(self):
        """Deletes every node and link, keeping the schema (tests and `netzwerk reset` only).

        Community edition has one user database, so tests share it and clear it instead.
        """
        try:
            while self.driver.execute_query(
                    "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted",
                    database_=self.database).records[0]["deleted"]:
                pass
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc
        finally:
            # the CacheGeneration node went with the rest: no read is kept until the next write
            # makes a new one, under a new epoch that matches nothing kept before
            self._local.generation = None

    def close(self):
        self.driver.close()
        if self.server is not None:
            self.server.stop()
