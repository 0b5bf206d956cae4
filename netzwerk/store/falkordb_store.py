"""FalkorDB backend: the embedded server (default) or one run elsewhere (falkordb://host:port)."""
import re
import time
import uuid
from collections import OrderedDict
from contextlib import contextmanager

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

    def retire_stable_reads(self):
        try:
            self.db.connection.incr(self.generation_key)
        except redis.exceptions.RedisError as exc:
            raise (_translate(exc) or exc) from exc
        finally:
            self._local.generation = None  # this thread's next read sees the new counter

    def _run(self, query, params):
        try:
            if query.mode == "read":
                graph = getattr(self._local, "snapshot_graph", None) or self.graph
                result = graph.ro_query(query.text, params or None, timeout=self.query_timeout_ms)
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
        if not query.audit_only:  # audit entries are read uncached: an audit write retires nothing
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

    @contextmanager
    def snapshot(self):
        """Reads inside go to a copy of the graph made by GRAPH.COPY: FalkorDB makes it at one
        point between writes (they are serialised), so the copy is one consistent state, and
        paging through it (SKIP/LIMIT in scan order, which nothing changes) misses nothing.
        The copy costs the graph's memory once more while the backup runs; it is dropped after."""
        prefix = f"{self.graph_name}__backup_"
        name = f"{prefix}{int(time.time())}_{uuid.uuid4().hex[:8]}"
        try:
            self._drop_stale_copies(prefix)
            self.db.connection.execute_command("GRAPH.COPY", self.graph_name, name)
        except redis.exceptions.RedisError as exc:
            raise (_translate(exc) or exc) from exc
        self._local.snapshot_graph = self.db.select_graph(name)
        try:
            yield self
        finally:
            copy, self._local.snapshot_graph = self._local.snapshot_graph, None
            try:
                copy.delete()
            except redis.exceptions.RedisError:
                pass  # the database went away: nothing more to clean up here

    def _drop_stale_copies(self, prefix, older_than=6 * 3600):
        """Copies a killed backup left behind (they hold the whole graph): dropped after 6 hours,
        so a backup still running beside this one keeps its copy."""
        for raw in self.db.connection.execute_command("GRAPH.LIST"):
            name = raw.decode() if isinstance(raw, bytes) else raw
            made = name[len(prefix):].split("_", 1)[0] if name.startswith(prefix) else ""
            if made.isdigit() and int(made) < time.time() - older_than:
                self.db.select_graph(name).delete()

    def _stream(self, query, params, page):
        if "skip" not in query.params:
            yield from self._run(query, params)
            return
        skip = 0
        while True:
            rows = self._run(query, dict(params, skip=skip, limit=page))
            yield from rows
            if len(rows) < page:
                return
            skip += page

    def ping(self):
        try:
            return self.db.connection.ping()
        except redis.exceptions.RedisError:
            return False

    def health(self):
        """The embedded server's state as its supervisor knows it ({} when not embedded)."""
        return self.server.read_state() if self.server is not None else {}

    def existing_schema(self):
        """(indexed, constraints): the (label, property) pairs with an exact-match index, and
        the (label, properties) of the unique constraints, as FalkorDB lists them."""
        indexed, constraints = set(), set()
        try:
            indexes = self.db.connection.execute_command("GRAPH.RO_QUERY", self.graph_name, "CALL db.indexes()")
            listed = self.db.connection.execute_command("GRAPH.RO_QUERY", self.graph_name, "CALL db.constraints()")
        except redis.exceptions.ResponseError as exc:
            if "empty key" in str(exc).lower():  # no graph yet: nothing exists
                return indexed, constraints
            raise
        except redis.exceptions.RedisError as exc:
            raise (_translate(exc) or exc) from exc
        text = lambda value: value.decode() if isinstance(value, bytes) else str(value)
        columns = [text(c) for c in indexes[0]]
        for row in indexes[1]:
            row = dict(zip(columns, row))
            if text(row["entitytype"]) != "NODE":
                continue
            for prop, kinds in re.findall(r"(\w+): \[([A-Z, ]*)\]", text(row["types"])):
                if "RANGE" in kinds:
                    indexed.add((text(row["label"]), prop))
        columns = [text(c) for c in listed[0]]
        for row in listed[1]:
            row = dict(zip(columns, row))
            props = tuple(p.strip() for p in text(row["properties"]).strip("[]").split(","))
            constraints.add((text(row["type"]), text(row["label"]), props))
        return indexed, constraints

    def missing_schema(self):
        """The statements of queries/schema/falkordb.cypher whose index or constraint is missing."""
        indexed, constraints = self.existing_schema()
        missing = []
        for statement in self.catalog.schema_statements("falkordb"):
            words = statement.split()
            if statement.upper().startswith("GRAPH.CONSTRAINT"):
                # GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Label PROPERTIES n p1 .. pn
                kind, label, count = words[3], words[5], int(words[7])
                if (kind, label, tuple(words[8:8 + count])) not in constraints:
                    missing.append(statement)
                continue
            match = re.match(r"CREATE INDEX FOR \(\w+:(\w+)\) ON \((.*)\)$", statement, re.IGNORECASE)
            if not match:
                missing.append(statement)  # a statement this check cannot read: run it
                continue
            props = [p.strip().split(".", 1)[1] for p in match.group(2).split(",")]
            if any((match.group(1), prop) not in indexed for prop in props):
                missing.append(statement)
        return missing

    def apply_schema(self):
        """Creates what queries/schema/falkordb.cypher names and the graph lacks; writes nothing
        when all of it exists (each statement written again would grow the append-only file
        and log `Constraint already exists` at every load). Returns the statements run."""
        missing = self.missing_schema()
        for statement in missing:
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
                if "already" not in text:  # a race with another process applying it too
                    raise
            except redis.exceptions.RedisError as exc:
                raise (_translate(exc) or exc) from exc
        if self.server is not None and any(s.upper().startswith("GRAPH.CONSTRAINT") for s in missing):
            self._compact_append_only_file()
        return missing

    def _compact_append_only_file(self, wait=10.0):
        """FalkorDB writes each GRAPH.CONSTRAINT CREATE twice into the append-only file (the
        command, and again when the constraint is built), so every later load replays the
        second copy and logs `== CRITICAL == ... Constraint already exists`. Rewriting the
        file once the constraints exist turns them into the snapshot: the loads stay quiet."""
        connection = self.db.connection
        try:
            connection.execute_command("BGREWRITEAOF")
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                info = connection.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                    return
                time.sleep(0.05)
        except redis.exceptions.RedisError:
            pass  # only the log's noise depends on it

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
