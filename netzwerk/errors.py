"""Domain errors and the one place that maps every error to a status code and a page."""
import logging

from flask import current_app, g, jsonify, make_response, render_template, request, url_for
from flask_login import AnonymousUserMixin, current_user
from flask_wtf.csrf import CSRFError

from .forms import secret_field_names, submitted_form
from .i18n import gettext as _
from .i18n import lazy_gettext as _l
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


# what a 503 tells the user, by what is known of the request's writes (store/errors.py)
OUTCOME_MESSAGES = {
    # no promise of a time: only the supervisor knows the database is coming back (see RESTARTING)
    "none": _l("Die Datenbank antwortet gerade nicht. Es wurde nichts gespeichert. "
               "Bitte versuchen Sie es später erneut; hält die Störung an, wenden Sie sich "
               "an die Betreuung dieser Seite."),
    "unknown": _l("Die Datenbank hat nicht rechtzeitig geantwortet. Ob Ihre Änderung "
                  "gespeichert wurde, ist nicht sicher: Bitte prüfen Sie es in einer Minute, "
                  "bevor Sie sie noch einmal senden."),
    "saved": _l("Ihre Änderung wurde gespeichert, aber danach hat die Datenbank nicht mehr "
                "geantwortet. Bitte senden Sie sie nicht noch einmal: In einer Minute sehen Sie "
                "sie auf der Seite, auf der sie erscheint."),
}

# while the supervisor restarts the embedded database (0.7 s measured, docs/faults.md)
RESTARTING = _l("Die Datenbank wird gerade neu gestartet. Es wurde nichts gespeichert. "
                "Bitte laden Sie die Seite in einigen Sekunden neu.")


def check_url():
    """Where a write of this request would show: a view may name it (g.outcome_check_url);
    else the API's collection (the POST's own URL) or the page one level up (…/neu → the list)."""
    if g.get("outcome_check_url"):
        return g.outcome_check_url
    if request.path.startswith("/api/"):
        return request.path
    parent = request.path.rstrip("/").rsplit("/", 1)[0]
    return parent or url_for("home.index")


def register_error_handlers(app):
    @app.errorhandler(StoreUnavailable)
    def store_unavailable(exc):
        app.logger.warning("store unavailable (outcome %s): %s", exc.outcome, exc)
        # the page must not try to load the user from the store that just failed
        g._login_user = AnonymousUserMixin()
        outcome = g.store_outcome = exc.outcome
        message = OUTCOME_MESSAGES[outcome]
        if outcome == "none" and _database_state() == "restarting":
            message = RESTARTING  # true only while the supervisor restarts the embedded database
        check = check_url() if outcome != "none" else None
        headers = {"Retry-After": "30"}
        if _wants_json():
            response = jsonify(error=_("Datenbank nicht erreichbar"), message=_(message), status=503,
                               outcome=outcome, **({"check": check} if check else {}))
            response.status_code = 503
            response.headers.update(headers)
            return response
        if request.method == "POST" and request.form:
            # the user's input is not lost: the form again, filled in, to send once more. When
            # the store failed before the view built its form (loading the signed-in user), the
            # sent fields by their names, still editable
            form = submitted_form()
            secret = {"csrf_token", "form_token", *secret_field_names()}
            sent = None if form is not None else [
                (name, values) for name, values in request.form.lists()
                if name not in secret and any(value.strip() for value in values)]
            return make_response(render_template(
                "errors/unavailable_form.html", title=_("Datenbank nicht erreichbar"),
                message=_(message), outcome=outcome, check=check, form=form, sent=sent,
                tokens={name: request.form.get(name) for name in ("csrf_token", "form_token")
                        if request.form.get(name)},
                action=request.full_path if request.query_string else request.path), 503, headers)
        response = make_response(render_template(
            "errors/error.html", status=503, title=_("Datenbank nicht erreichbar"),
            message=_(message), check=check), 503)
        response.headers.update(headers)
        return response

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
