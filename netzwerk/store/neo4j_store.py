"""Neo4j backend (production): one driver per process, the official `neo4j` driver.

This path cannot run on the development machines (no Neo4j there). It stays thin, and
every query it runs passes Neo4j's own linter in the test suite.
"""
import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import (ConstraintError, DriverError, Neo4jError, ServiceUnavailable,
                              SessionExpired, TransientError)

from .base import Store
from .errors import ConstraintViolation, StoreUnavailable


def _translate(exc):
    if isinstance(exc, ConstraintError):
        return ConstraintViolation(str(exc))
    if isinstance(exc, (ServiceUnavailable, SessionExpired, TransientError, DriverError)):
        return StoreUnavailable(f"Neo4j nicht erreichbar: {exc}")
    return None


class Neo4jStore(Store):
    backend = "neo4j"

    def __init__(self, catalog, *, url, user, password, database, query_timeout, connect_timeout):
        super().__init__(catalog)
        self.database = database
        self.query_timeout = query_timeout
        self.location = url
        self.driver = GraphDatabase.driver(
            url, auth=(user, password),
            connection_timeout=connect_timeout,
            connection_acquisition_timeout=connect_timeout,
            # retries of transient errors end well inside a web request
            max_transaction_retry_time=query_timeout)

    def _query(self, query):
        return neo4j.Query(query.text, timeout=self.query_timeout)

    def _run(self, query, params):
        routing = RoutingControl.READ if query.mode == "read" else RoutingControl.WRITE
        try:
            records, _, _ = self.driver.execute_query(
                self._query(query), params, routing_=routing, database_=self.database)
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc
        return [record.data() for record in records]

    def _run_unit(self, queries):
        def work(tx):
            for query, params in queries:
                tx.run(self._query(query), params).consume()

        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise (_translate(exc) or exc) from exc

    def ping(self):
        try:
            self.driver.verify_connectivity(database=self.database)
            return True
        except (Neo4jError, DriverError):
            return False

    def apply_schema(self):
        for statement in self.catalog.schema_statements("neo4j"):
            # IF NOT EXISTS makes every statement idempotent
            self.driver.execute_query(statement, database_=self.database)

    def close(self):
        self.driver.close()
