"""The graph store: a query catalog and one backend, chosen by NETZWERK_DATABASE_URL."""
from urllib.parse import urlparse

from .base import Store
from .catalog import Query, QueryCatalog
from .embedded import DataDirError, EmbeddedServer, check_data_dir
from .errors import (ConstraintViolation, EmbeddedStartError, QueryError, ReadAfterWriteFailed,
                     StoreError, StoreUnavailable, WriteOutcomeUnknown)

__all__ = ["Store", "Query", "QueryCatalog", "EmbeddedServer", "open_store", "StoreError",
           "StoreUnavailable", "ConstraintViolation", "QueryError", "EmbeddedStartError",
           "DataDirError", "check_data_dir", "WriteOutcomeUnknown", "ReadAfterWriteFailed"]

NEO4J_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


def open_store(config, catalog=None):
    """Opens the store that config.DATABASE_URL names.

    "embedded" starts FalkorDB in DATA_DIR, "neo4j-embedded" the Neo4j launcher there; when
    another netzwerk process already serves that directory, the store attaches to it.
    """
    catalog = catalog or QueryCatalog(config.QUERY_DIR)
    url = config.DATABASE_URL
    timeouts = dict(query_timeout=config.QUERY_TIMEOUT_SECONDS,
                    connect_timeout=config.CONNECT_TIMEOUT_SECONDS)
    settings = dict(timeouts, read_cache_bytes=config.READ_CACHE_MB << 20)
    if url == "embedded":
        from .falkordb_store import FalkorStore
        server = EmbeddedServer(config.DATA_DIR)
        # one supervisor per data directory: whoever holds falkordb.lock starts the server and
        # restarts it when it dies; the other processes (gunicorn workers, a `netzwerk seed`
        # beside `netzwerk run`) attach and take over only if that process ends
        if server.claim() and not server.answering():
            server.start()
            server.supervise()
        else:
            server.follow()
        return FalkorStore(catalog, graph=config.GRAPH_NAME, unix_socket=server.socket_path,
                           server=server, **settings)
    if url == "neo4j-embedded":
        from .neo4j_embedded import EmbeddedNeo4j
        from .neo4j_store import Neo4jStore
        server = EmbeddedNeo4j(config.DATA_DIR)
        owned = None if server.answering() else server.start()
        return Neo4jStore(catalog, url=server.url, user="neo4j", password=server.password(),
                          database="neo4j", server=owned, **settings)
    parsed = urlparse(url)
    if parsed.scheme == "falkordb":
        from .falkordb_store import FalkorStore
        return FalkorStore(catalog, graph=config.GRAPH_NAME, host=parsed.hostname or "localhost",
                           port=parsed.port or 6379, password=parsed.password, **settings)
    if parsed.scheme == "unix":
        from .falkordb_store import FalkorStore
        return FalkorStore(catalog, graph=config.GRAPH_NAME, unix_socket=parsed.path, **settings)
    if parsed.scheme in NEO4J_SCHEMES:
        from .neo4j_store import Neo4jStore
        if not config.NEO4J_PASSWORD:
            raise StoreError("NETZWERK_NEO4J_PASSWORD fehlt: ohne Passwort keine Verbindung zu Neo4j.")
        return Neo4jStore(catalog, url=url, user=config.NEO4J_USER, password=config.NEO4J_PASSWORD,
                          database=config.NEO4J_DATABASE, **settings)
    raise StoreError(
        f"NETZWERK_DATABASE_URL={url!r} wird nicht unterstützt: erlaubt sind 'embedded', 'neo4j-embedded', "
        "falkordb://host:port, unix:///pfad/zum.sock, bolt://, neo4j://, neo4j+s://")
