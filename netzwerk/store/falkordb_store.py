"""FalkorDB backend: the embedded server (default) or one run elsewhere (falkordb://host:port)."""
from collections import OrderedDict

import falkordb
import redis
from falkordb.query_result import QueryResult
from redis.backoff import NoBackoff
from redis.retry import Retry
from falkordb.edge import Edge
from falkordb.node import Node
from falkordb.path import Path as GraphPath

from .base import Store
from .errors import ConstraintViolation, StoreUnavailable, WriteOutcomeUnknown


def plain(value):
    """FalkorDB result values as plain Python data."""
    if isinstance(value, (Node, Edge)):
        return {k: plain(v) for k, v in value.properties.items()}
    if isinstance(value, GraphPath):
        return [plain(n) for n in value.nodes()]
    if isinstance(value, (dict, OrderedDict)):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _translate(exc, sent_write=False):
    """Maps client errors to store errors: unreachable/slow -> unavailable, uniqueness -> conflict.

    `sent_write`: a write went out on the connection, so a lost connection or a socket timeout
    while waiting for its answer leaves its outcome unknown. An error the server answered with
    (query timed out, still loading) means it did not apply the write."""
    message = str(exc)
    if isinstance(exc, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)):
        if sent_write:
            return WriteOutcomeUnknown(f"FalkorDB: Antwort auf einen Schreibbefehl verloren: {message}")
        return StoreUnavailable(f"FalkorDB nicht erreichbar: {message}")
    if "timed out" in message.lower() or "loading" in message.lower():
        return StoreUnavailable(f"FalkorDB antwortet nicht rechtzeitig: {message}")
    if "constraint violation" in message.lower():
        return ConstraintViolation(message)
    return None


class FalkorStore(Store):
    backend = "falkordb"

    def __init__(self, catalog, *, graph, query_timeout, connect_timeout,
                 unix_socket=None, host=None, port=None, password=None, server=None,
                 read_cache_bytes=32 << 20):
        super().__init__(catalog, read_cache_bytes)
        self.server = server  # the EmbeddedServer this store owns, if any
        self.graph_name = graph
        self.query_timeout_ms = int(query_timeout * 1000)
        # No client-side retries: a write resent after a timeout could be applied twice, and a
        # web request must fail fast with a 503 rather than wait through retries.
        connection = dict(socket_timeout=query_timeout + 2, socket_connect_timeout=connect_timeout,
                          password=password, retry=Retry(NoBackoff(), 0))
        if unix_socket:
            self.db = falkordb.FalkorDB(unix_socket_path=str(unix_socket), **connection)
            self.location = f"embedded ({unix_socket})" if server else f"unix://{unix_socket}"
        else:
            self.db = falkordb.FalkorDB(host=host, port=port, **connection)
            self.location = f"falkordb://{host}:{port}"
        self.graph = self.db.select_graph(graph)
        # bumped in the same round trip as every write: what the read cache is keyed on. A
        # write marked `changes: registrations` bumps the second counter only (see base.py)
        self.generation_key = f"netzwerk:{graph}:generation"
        self.registrations_key = f"netzwerk:{graph}:generation:registrations"

    def generation(self):
        try:
            main, registrations = self.db.connection.mget(self.generation_key, self.registrations_key)
        except redis.exceptions.RedisError as exc:
            raise (_translate(exc) or exc) from exc
        return (main or b"0", registrations or b"0")

    def _run(self, query, params):
        try:
            if query.mode == "read":
                result = self.graph.ro_query(query.text, params or None, timeout=self.query_timeout_ms)
            else:
                result = self._write(query, params)
        except redis.exceptions.RedisError as exc:
            raise (_translate(exc) or exc) from exc
        columns = [column[1] for column in result.header]
        return [{c: plain(v) for c, v in zip(columns, row)} for row in result.result_set]

    def _write(self, query, params):
        """The write, then the generation bump, sent together in one round trip.

        Not in MULTI/EXEC: FalkorDB crashes when it replays such a block from the append-only
        file while a client knocks (see embedded.py), so only units pay that risk. Between the
        two commands a reader may keep the old answer under the old generation; the bump
        retires it before this write's request has been answered."""
        pipe = self._connected_pipeline(transaction=False)
        pipe.execute_command("GRAPH.QUERY", self.graph_name, self.graph._build_params_header(params) + query.text,
                             "--compact", "timeout", self.query_timeout_ms)
        pipe.incr(self.registrations_key if query.registrations_only else self.generation_key)
        reply = self._send(pipe)[0]
        return QueryResult(self.graph, reply)

    def _connected_pipeline(self, transaction):
        """A pipeline holding a connection that is connected now: a failure here (refused, no
        socket) happens before anything is sent, so nothing was written."""
        pipe = self.db.connection.pipeline(transaction=transaction)
        try:
            pipe.connection = pipe.connection_pool.get_connection()
        except redis.exceptions.RedisError as exc:
            pipe.reset()
            raise (_translate(exc) or exc) from exc
        return pipe

    @staticmethod
    def _send(pipe):
        """Sends a connected pipeline's writes; a lost answer leaves their outcome unknown."""
        try:
            return pipe.execute(raise_on_error=True)
        except redis.exceptions.RedisError as exc:
            raise (_translate(exc, sent_write=True) or exc) from exc

    def _run_unit(self, queries):
        # MULTI/EXEC: the statements run back to back with no other client in between, and
        # not at all if the connection drops before EXEC. Each statement is atomic on its own;
        # FalkorDB has no rollback across statements, hence the idempotency rule of write_unit.
        pipe = self._connected_pipeline(transaction=True)
        for query, params in queries:
            text = self.graph._build_params_header(params) + query.text
            pipe.execute_command("GRAPH.QUERY", self.graph_name, text, "--compact",
                                 "timeout", self.query_timeout_ms)
        pipe.incr(self.generation_key)
        self._send(pipe)

    def ping(self):
        try:
            return self.db.connection.ping()
        except redis.exceptions.RedisError:
            return False

    def apply_schema(self):
        for statement in self.catalog.schema_statements("falkordb"):
            try:
                if statement.upper().startswith("GRAPH.CONSTRAINT"):
                    # FalkorDB creates constraints with a command, not Cypher:
                    # GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Label PROPERTIES 1 uid
                    words = statement.split()
                    self.db.connection.execute_command(
                        *[self.graph_name if w == "{graph}" else w for w in words])
                else:
                    self.graph.query(statement)
            except redis.exceptions.ResponseError as exc:
                text = str(exc).lower()
                if "already" not in text:  # "already indexed", "Constraint already exists"
                    raise
            except redis.exceptions.RedisError as exc:
                raise (_translate(exc) or exc) from exc

    def delete_graph(self):
        """Drops the whole graph (tests and `netzwerk reset` only)."""
        try:
            self.graph.delete()
        except redis.exceptions.ResponseError:
            pass  # an empty graph does not exist yet
        self.db.connection.incr(self.generation_key)
        self._local.generation = None

    def close(self):
        try:
            self.db.connection.close()
        except Exception:
            pass
        if self.server is not None:
            self.server.stop()
