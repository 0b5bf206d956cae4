"""Configuration from NETZWERK_* environment variables, with a test variant."""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name, default=None):
    return os.environ.get(f"NETZWERK_{name}", default)


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
        self.QUERY_DIR = PROJECT_ROOT / "queries"
        self.SEED_DIR = PROJECT_ROOT / "seed"
        self.LOGIN_MAX_FAILURES = int(_env("LOGIN_MAX_FAILURES", "5"))
        self.LOGIN_WINDOW_SECONDS = int(_env("LOGIN_WINDOW_SECONDS", str(15 * 60)))
        self.DEFAULT_LANGUAGE = _env("DEFAULT_LANGUAGE", "de")

        production = self.ENV == "production"
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _flag("SECURE_COOKIES", production)
        self.SESSION_COOKIE_NAME = "netzwerk_session"
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.PERMANENT_SESSION_LIFETIME = 8 * 60 * 60  # one working day
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
