"""Domain errors and the one place that maps every error to a status code and a page."""
import logging

from flask import current_app, g, jsonify, make_response, render_template, request
from flask_login import AnonymousUserMixin, current_user
from flask_wtf.csrf import CSRFError

from .i18n import gettext as _
from .security_log import security_event
from .store import ConstraintViolation, StoreUnavailable


class DomainError(Exception):
    status = 400
    title = "Ungültige Anfrage"
    headers = {}

    def __init__(self, message=None, **values):
        # the message is German with {named} placeholders, translated when it is shown
        super().__init__(message or self.title)
        self.message = message or self.title
        self.values = values

    def __str__(self):
        return _(self.message, **self.values)


class NotFound(DomainError):
    status = 404
    title = "Nicht gefunden"


class Forbidden(DomainError):
    status = 403
    title = "Keine Berechtigung"


class Conflict(DomainError):
    status = 409
    title = "Konflikt"


class Full(Conflict):
    title = "Ausgebucht"


class Closed(Conflict):
    title = "Geschlossen"


def _database_state():
    """The embedded database's supervisor state ("restarting", "down", ...) or None."""
    try:
        return current_app.extensions["netzwerk.store"].health().get("state")
    except Exception:  # the error page must render whatever the store does
        return None


def _wants_json():
    return request.path.startswith("/api/") or request.path == "/healthz"


def _error_page(status, title, message, headers=None, values=None):
    message = _(message, **(values or {}))
    if _wants_json():
        response = jsonify(error=_(title), message=message, status=status)
    else:
        response = make_response(render_template(
            "errors/error.html", status=status, title=_(title), message=message))
    response.status_code = status
    response.headers.update(headers or {})
    return response


def _viewer_uid():
    """The signed-in user's uid for the security log, "-" when anonymous or unknown."""
    try:
        user = getattr(g, "api_user", None) or current_user
        return user.uid if user.is_authenticated else "-"
    except Exception:  # the store may be the reason for the error: the log line must not fail
        return "-"


def register_error_handlers(app):
    @app.errorhandler(StoreUnavailable)
    def store_unavailable(exc):
        app.logger.warning("store unavailable: %s", exc)
        # the page must not try to load the user from the store that just failed
        g._login_user = AnonymousUserMixin()
        restarting = _database_state() == "restarting"
        if request.method in ("GET", "HEAD", "OPTIONS") and restarting:
            # true only while the supervisor restarts the embedded database (0.7 s measured)
            message = ("Die Datenbank wird gerade neu gestartet. Es wurde nichts gespeichert. "
                       "Bitte laden Sie die Seite in einigen Sekunden neu.")
        elif request.method in ("GET", "HEAD", "OPTIONS"):
            message = ("Die Datenbank antwortet gerade nicht. Es wurde nichts gespeichert. "
                       "Bitte versuchen Sie es später erneut; hält die Störung an, wenden Sie sich "
                       "an die Betreuung dieser Seite.")
        else:
            # a write may have reached the database before the answer was lost: say so
            message = ("Die Datenbank hat nicht rechtzeitig geantwortet. Ob Ihre Änderung "
                       "gespeichert wurde, ist nicht sicher: Bitte prüfen Sie es in einer Minute, "
                       "bevor Sie sie noch einmal senden.")
        return _error_page(503, "Datenbank nicht erreichbar", message, {"Retry-After": "30"})

    @app.errorhandler(ConstraintViolation)
    def constraint_violation(exc):
        return _error_page(409, "Konflikt",
                           "Ein Eintrag mit diesem Schlüssel existiert bereits. Es wurde nichts gespeichert.")

    @app.errorhandler(DomainError)
    def domain_error(exc):
        if exc.status in (401, 403):
            security_event("access.denied", logging.WARNING, status=exc.status, user=_viewer_uid())
        return _error_page(exc.status, exc.title, exc.message, exc.headers, exc.values)

    @app.errorhandler(CSRFError)
    def csrf_error(exc):
        security_event("csrf.refused", logging.WARNING, user=_viewer_uid(), reason=exc.description)
        return _error_page(400, "Formular abgelaufen",
                           "Das Formular ist abgelaufen oder unvollständig. Bitte laden Sie die Seite neu "
                           "und senden Sie es noch einmal.")

    for status, title, message in (
            (403, "Keine Berechtigung", "Für diese Seite fehlt Ihnen die nötige Rolle."),
            (404, "Nicht gefunden", "Diese Seite gibt es nicht."),
            (405, "Nicht erlaubt", "Diese Aktion ist hier nicht erlaubt."),
            (413, "Datei zu groß", "Die Datei ist zu groß: höchstens 20 MB."),
            (500, "Interner Fehler", "Etwas ist schiefgegangen. Der Fehler wurde protokolliert.")):
        app.register_error_handler(
            status, lambda exc, s=status, t=title, m=message: _error_page(s, t, m))
