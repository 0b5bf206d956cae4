"""netzwerk: local integration networks as one graph. `create_app` builds the Flask app."""
import atexit
import secrets

from flask import Flask, request, url_for
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

from .auth.cookie_session import CookieSessionInterface
from .auth.service import Accounts
from .events.service import Events
from .mail import Outbox
from .register.service import Register
from .registrations.service import Registrations
from .participants.service import Participants
from .vocabularies import LOADER as VOCABULARY_LOADER
from .vocabularies.service import Vocabularies
from .config import PROJECT_ROOT, Config
from .extensions import csrf, login_manager
from . import i18n
from .fields import options_html, value_html
from .i18n import LANGUAGES, current_language, gettext, ngettext
from .store import StoreUnavailable, open_store

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
# production runs behind TLS: browsers must never try plain HTTP again, for a year
STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"


class ConfigurationError(RuntimeError):
    """The app refuses to start; the message says what to set."""


def _secret_key(config):
    """SECRET_KEY from the environment; outside production one is kept in the data directory."""
    if config.SECRET_KEY:
        return config.SECRET_KEY
    if config.ENV == "production":
        raise ConfigurationError(
            "NETZWERK_SECRET_KEY fehlt. In Produktion startet netzwerk nur mit einem geheimen "
            "Schlüssel aus der Umgebung, z. B.: export NETZWERK_SECRET_KEY=$(python3 -c "
            "'import secrets; print(secrets.token_hex(32))')")
    path = config.DATA_DIR / "secret_key"
    if not path.exists():
        config.DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()


def create_app(config=None, store=None):
    """Builds the app. Without `store`, opens the one NETZWERK_DATABASE_URL names (and owns it)."""
    config = config or Config()
    app = Flask(__name__, template_folder=str(PROJECT_ROOT / "templates"))
    app.config.from_object(config)
    if store is None and config.DATABASE_URL in ("embedded", "neo4j-embedded"):
        from .store import check_data_dir
        check_data_dir(config.DATA_DIR)  # a foreign or unreadable directory: refused untouched
    app.config["SECRET_KEY"] = _secret_key(config)
    app.session_interface = CookieSessionInterface()
    if config.PROXY_FIX:
        # the client's address and scheme as the trusted proxies saw them (login throttling)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=config.PROXY_FIX, x_proto=config.PROXY_FIX)

    if store is None:
        store = open_store(config)
        atexit.register(store.close)
        store.apply_schema()
        from .migrations import migrate
        migrate(store, echo=app.logger.warning)
    app.extensions["netzwerk.store"] = store
    accounts = Accounts(store, secret_key=app.config["SECRET_KEY"],
                        max_failures=config.LOGIN_MAX_FAILURES,
                        window_seconds=config.LOGIN_WINDOW_SECONDS,
                        address_max_failures=config.LOGIN_ADDRESS_MAX_FAILURES,
                        account_max_failures=config.LOGIN_ACCOUNT_MAX_FAILURES,
                        idle_seconds=int(config.SESSION_IDLE_MINUTES * 60),
                        absolute_seconds=int(config.SESSION_ABSOLUTE_HOURS * 60 * 60))
    app.extensions["netzwerk.accounts"] = accounts
    app.extensions["netzwerk.register"] = Register(store)
    if config.TEST_UNLOCKED_REGISTRATION and config.ENV != "test":
        raise ConfigurationError(
            "NETZWERK_TEST_UNLOCKED_REGISTRATION schaltet die Sperre gegen Überbuchung ab und ist nur "
            "in Tests erlaubt (NETZWERK_ENV=test).")
    app.extensions["netzwerk.registrations"] = Registrations(
        store, secret_key=app.config["SECRET_KEY"], address_limit=config.REGISTRATION_ADDRESS_LIMIT,
        event_limit=config.REGISTRATION_EVENT_LIMIT, window_seconds=config.REGISTRATION_WINDOW_SECONDS,
        unlocked=config.TEST_UNLOCKED_REGISTRATION, batch_rows=config.REGISTRATION_BATCH_ROWS)
    app.extensions["netzwerk.events"] = Events(
        store, app.extensions["netzwerk.register"], config.DATA_DIR / "attachments",
        on_capacity_change=app.extensions["netzwerk.registrations"].set_capacity)
    app.extensions["netzwerk.outbox"] = Outbox(store)
    vocabularies = Vocabularies(store)
    app.extensions["netzwerk.vocabulary_admin"] = vocabularies
    # the terms admins added, read once per request by the fields (netzwerk/vocabularies)
    app.extensions[VOCABULARY_LOADER] = vocabularies.load
    app.extensions["netzwerk.participants"] = Participants(store)
    from .privacy.service import Privacy
    app.extensions["netzwerk.privacy"] = Privacy(store, app.extensions["netzwerk.participants"], config.DATA_DIR)
    if config.ENV == "production":
        demo = accounts.demo_users()
        if demo:
            raise ConfigurationError(
                "Produktionsstart verweigert: Demo-Zugänge mit bekanntem Passwort sind aktiv ("
                + ", ".join(row["email"] for row in demo)
                + "). Passwörter ändern oder Zugänge deaktivieren.")

    i18n.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Bitte melden Sie sich an, um diese Seite zu sehen."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    csrf.init_app(app)

    from . import (api, audit, auth, consents, dashboard, events, gaps, home, insight, matching, network, participants,
                   privacy, register, registrations, roundtables, system, users)
    from .vocabularies import views as vocabulary_views
    for blueprint in (auth.bp, home.bp, register.bp, events.bp, users.bp, vocabulary_views.bp, api.bp,
                      system.bp, registrations.bp, participants.bp, gaps.bp, matching.bp, roundtables.bp,
                      dashboard.bp, network.bp, insight.bp, audit.bp, consents.bp, privacy.bp):
        app.register_blueprint(blueprint)

    from .errors import register_error_handlers
    from .input_guard import check_request
    app.before_request(check_request)
    # one generation read per request for the read cache (netzwerk/store/read_cache.py)
    app.before_request(store.pin_generation)
    app.before_request(store.begin_request)  # failures after a saved write never say "nothing saved"
    app.teardown_request(lambda error: store.unpin_generation())
    app.teardown_request(lambda error: store.end_request())
    register_error_handlers(app)
    from . import security_log
    security_log.init_app(app)
    from . import submissions  # one-time form tokens and API Idempotency-Keys
    submissions.init_app(app, store)
    _register_template_helpers(app)
    _register_security_headers(app)
    return app


# Navigation entries: (endpoint, URL values, label, permission). An entry shows once its
# blueprint is registered and the viewer holds the permission.
NAVIGATION = (
    ("home.index", {}, "Start", "register.read"),
    ("register.list_entries", {"kind": "akteure"}, "Akteure", "register.read"),
    ("register.list_entries", {"kind": "personen"}, "Personen", "register.read"),
    ("register.list_entries", {"kind": "angebote"}, "Angebote", "register.read"),
    ("register.list_entries", {"kind": "stadtteile"}, "Stadtteile", "register.read"),
    ("register.list_entries", {"kind": "runde-tische"}, "Runde Tische", "register.read"),
    ("register.list_entries", {"kind": "bedarfe"}, "Bedarfe", "register.read"),
    ("events.index", {}, "Veranstaltungen", "register.read"),
    ("gaps.index", {}, "Lücken", "register.read"),
    ("network.index", {}, "Netzwerk", "register.read"),
    ("dashboard.index", {}, "Kennzahlen", "dashboard.read"),
    ("registrations.index", {}, "Anmeldungen", "events.manage"),
    ("register.import_page", {}, "Import", "register.edit"),
    ("users.index", {}, "Zugänge", "users.manage"),
    ("vocabularies.index", {}, "Begriffe", "vocabularies.read"),
    ("audit.index", {}, "Protokoll", "audit.read"),
    ("privacy.index", {}, "Datenschutz", "privacy.manage"),
)


def _navigation(app):
    """NAVIGATION with each entry's URL instead of its endpoint, built once per app (every page
    shows the navigation; a URL build per entry and page was measurable on the fast pages)."""
    built = app.extensions.get("netzwerk.navigation")
    if built is None:
        built = app.extensions["netzwerk.navigation"] = [
            (url_for(endpoint, **values), values, label, permission)
            for endpoint, values, label, permission in NAVIGATION if endpoint in app.view_functions]
    return built


def _register_template_helpers(app):
    # pages link to features of later blueprints only once those exist
    app.jinja_env.globals["has_endpoint"] = lambda endpoint: endpoint in app.view_functions
    app.jinja_env.globals["value"] = value_html
    app.jinja_env.globals["options"] = options_html

    @app.context_processor
    def inject():
        # the error pages render even when loading the user fails because the store is down
        try:
            viewer = current_user._get_current_object() if current_user.is_authenticated else None
        except StoreUnavailable:
            viewer = None
        return {
            "_": gettext,
            "ngettext": ngettext,
            # graph labels of nodes that are not register kinds (yet), as people call them
            "other_labels": {"Event": "Veranstaltung", "Registration": "Anmeldung"},
            # the actions of the change history, on the register's pages and the start page
            "action_labels": {"create": "angelegt", "update": "geändert", "unchanged": "unverändert",
                              "rejected": "abgelehnt", "link": "verbunden", "unlink": "Verbindung entfernt"},
            "lang": current_language(),
            "languages": LANGUAGES,
            "viewer": viewer,
            "navigation": [(href, values, label) for href, values, label, permission in _navigation(app)
                           if viewer is not None and viewer.can(permission)],
        }


def _register_security_headers(app):
    every = [("Content-Security-Policy", CONTENT_SECURITY_POLICY), ("X-Content-Type-Options", "nosniff"),
             ("X-Frame-Options", "SAMEORIGIN"), ("Referrer-Policy", "same-origin")]
    if app.config["ENV"] == "production":
        every.append(("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY))
    # pages may carry personal data: keep them out of shared caches and history
    pages = [*every, ("Cache-Control", "no-store")]

    @app.after_request
    def headers(response):
        # one pass over the response's headers instead of a search per header (every request)
        present = {name.lower() for name, _ in response.headers}
        for name, value in every if request.path.startswith("/static/") else pages:
            if name.lower() not in present:
                response.headers.add(name, value)
        return response
