"""Configuration from NETZWERK_* environment variables, with a test variant."""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name, default=None):
    return os.environ.get(f"NETZWERK_{name}", default)


def _proxies(name):
    """How many proxies in front of the app set X-Forwarded-For/-Proto: 0 (off) unless told."""
    value = (_env(name) or "").strip().lower()
    if value in {"", "0", "false", "no", "off"}:
        return 0
    if value in {"true", "yes", "on"}:
        return 1
    return int(value)


def _flag(name, default):
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Read once when the app is created, so tests and commands can set the environment first."""

    def __init__(self):
        self.ENV = _env("ENV", "development")
        self.SECRET_KEY = _env("SECRET_KEY") or os.environ.get("SECRET_KEY")
        # "embedded" | falkordb://host:port | bolt:// neo4j:// neo4j+s:// ...
        self.DATABASE_URL = _env("DATABASE_URL", "embedded")
        self.DATA_DIR = Path(_env("DATA_DIR", str(PROJECT_ROOT / "instance"))).resolve()
        self.GRAPH_NAME = _env("GRAPH_NAME", "netzwerk")
        self.NEO4J_USER = _env("NEO4J_USER", "neo4j")
        self.NEO4J_PASSWORD = _env("NEO4J_PASSWORD")
        self.NEO4J_DATABASE = _env("NEO4J_DATABASE", "neo4j")
        # Web requests must fail fast when the store is slow: seconds, not minutes.
        self.QUERY_TIMEOUT_SECONDS = float(_env("QUERY_TIMEOUT_SECONDS", "10"))
        self.CONNECT_TIMEOUT_SECONDS = float(_env("CONNECT_TIMEOUT_SECONDS", "5"))
        # per process; read results kept until the next write (FalkorDB only), 0 turns it off
        self.READ_CACHE_MB = int(_env("READ_CACHE_MB", "32"))
        # network views (/netzwerk): above this many nodes the view is aggregated (by district,
        # or the NETWORK_TOP_NODES best linked nodes): vis-network slows past 1,000-2,000 nodes
        self.NETWORK_MAX_NODES = int(_env("NETWORK_MAX_NODES", "1000"))
        self.NETWORK_TOP_NODES = int(_env("NETWORK_TOP_NODES", "200"))
        self.QUERY_DIR = PROJECT_ROOT / "queries"
        self.SEED_DIR = PROJECT_ROOT / "seed"
        # Login throttling delays, never locks (see auth/service.py): free failures per
        # (account, address) pair, per address over all accounts, and per account over all
        # addresses; past them each further failure doubles the wait, up to the window.
        self.LOGIN_MAX_FAILURES = int(_env("LOGIN_MAX_FAILURES", "5"))
        self.LOGIN_ADDRESS_MAX_FAILURES = int(_env("LOGIN_ADDRESS_MAX_FAILURES", "20"))
        self.LOGIN_ACCOUNT_MAX_FAILURES = int(_env("LOGIN_ACCOUNT_MAX_FAILURES", "20"))
        self.LOGIN_WINDOW_SECONDS = int(_env("LOGIN_WINDOW_SECONDS", str(15 * 60)))
        # Behind a reverse proxy every request comes from the proxy: trust its
        # X-Forwarded-For/-Proto from this many hops, so throttling sees the client's address.
        # Only with a proxy in front, or clients could forge their address.
        self.PROXY_FIX = _proxies("PROXY_FIX")
        self.DEFAULT_LANGUAGE = _env("DEFAULT_LANGUAGE", "de")
        # Outgoing mail (netzwerk/mail): without a host the messages stay in the outbox, which
        # the event's organisers read in the app.
        self.SMTP_HOST = _env("SMTP_HOST") or None
        self.SMTP_PORT = int(_env("SMTP_PORT", "587"))
        self.SMTP_USER = _env("SMTP_USER") or None
        self.SMTP_PASSWORD = _env("SMTP_PASSWORD") or None
        self.SMTP_FROM = _env("SMTP_FROM", "netzwerk@localhost")
        self.SMTP_STARTTLS = _flag("SMTP_STARTTLS", self.SMTP_PORT == 587)
        # Public registration: attempts per address, and per event, within the window
        self.REGISTRATION_ADDRESS_LIMIT = int(_env("REGISTRATION_ADDRESS_LIMIT", "10"))
        self.REGISTRATION_EVENT_LIMIT = int(_env("REGISTRATION_EVENT_LIMIT", "600"))
        self.REGISTRATION_WINDOW_SECONDS = int(_env("REGISTRATION_WINDOW_SECONDS", str(10 * 60)))
        # Group commit: at most this many registrations for one event in one statement (1: one
        # statement per registration; netzwerk/registrations/batch.py)
        self.REGISTRATION_BATCH_ROWS = max(1, int(_env("REGISTRATION_BATCH_ROWS", "64")))
        # The control run of the concurrency proof only: registrations without the event lock.
        # create_app refuses it unless NETZWERK_ENV=test.
        self.TEST_UNLOCKED_REGISTRATION = _flag("TEST_UNLOCKED_REGISTRATION", False)

        production = self.ENV == "production"
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _flag("SECURE_COOKIES", production)
        self.SESSION_COOKIE_NAME = "netzwerk_session"
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        # OWASP ASVS 4.0.3 V3.3.2 (level 2): sign in again after 30 minutes without a request
        # and after 12 hours in any case. Shared office PCs are the risk here; a coordinator
        # working through the register makes a request well within 30 minutes.
        self.SESSION_IDLE_MINUTES = float(_env("SESSION_IDLE_MINUTES", "30"))
        self.SESSION_ABSOLUTE_HOURS = float(_env("SESSION_ABSOLUTE_HOURS", "12"))
        # the cookie's own limit is the absolute one; the idle limit is checked on the server
        # (auth/views.py), so an anonymous session keeps its language choice meanwhile
        self.PERMANENT_SESSION_LIFETIME = int(self.SESSION_ABSOLUTE_HOURS * 60 * 60)
        # the cookie lives as long as the session may (set at sign-in); the idle limit is kept on
        # the server (Accounts.keep_session), so the cookie is not sent again with every page
        self.SESSION_REFRESH_EACH_REQUEST = False
        self.WTF_CSRF_TIME_LIMIT = 8 * 60 * 60
        # uploads are imports: 20 MB is far more than any spreadsheet of a local network
        self.MAX_CONTENT_LENGTH = 20 * 1024 * 1024
        self.TESTING = False


class TestConfig(Config):
    __test__ = False  # not a pytest test class
    def __init__(self, data_dir):
        super().__init__()
        self.ENV = "test"
        self.TESTING = True
        self.SECRET_KEY = "test-secret-key-not-for-production"
        self.DATA_DIR = Path(data_dir)
        self.QUERY_TIMEOUT_SECONDS = 5
        self.SESSION_COOKIE_SECURE = False
