"""One-time submissions on the web: the API's Idempotency-Key header and the forms' one-time
token (the hidden `form_token` of netzwerk/forms.py), one mechanism (service.py).

A retry with the same key answers what the first request answered and creates nothing: the
API replays the status and body; a form redirects to where the first submission led, with a
note. The public registration form and its API keep their own token, checked in the same
statement that registers (netzwerk/registrations), and are left out here.
"""
import json

from flask import current_app, flash, g, make_response, redirect, render_template, request
from flask_login import current_user

from ..errors import DomainError
from ..i18n import gettext as _
from ..store import ConstraintViolation, StoreUnavailable
from .service import Submissions, request_hash

MAX_KEY = 255
# a first request not answered for this long never will be: its outcome is unknown
PENDING_SECONDS = 60
# these carry their own token, checked inside the registration's statement
OWN_TOKEN_ENDPOINTS = {"registrations.register", "api.create_registration"}


class KeyReused(DomainError):
    status = 422
    title = "Schlüssel schon benutzt"


def init_app(app, store):
    app.extensions["netzwerk.submissions"] = Submissions(store, app.config.get("IDEMPOTENCY_HOURS", 24))
    app.before_request(claim_form_token)
    app.after_request(keep_answer)


def _submissions():
    return current_app.extensions["netzwerk.submissions"]


def _claim(scope, key, body):
    try:
        return _submissions().claim(scope, key, request_hash(body))
    except ConstraintViolation:
        # two first requests at once: one created the key, the other now finds it
        return _submissions().claim(scope, key, request_hash(body))


def claim_form_token():
    """Before a signed-in user's form POST: the first use of its token runs, a repeat is
    answered with the first one's result."""
    # the cheap tests first: an API request's or a public registration's body is not parsed here
    if (request.method != "POST" or request.endpoint in OWN_TOKEN_ENDPOINTS
            or request.path.startswith("/api/")):
        return None
    token = request.form.get("form_token", "")
    if not token or len(token) > MAX_KEY or not current_user.is_authenticated:
        return None
    claim = _claim(f"form:{current_user.uid}:{request.path}", token, b"")
    if claim.mine:
        g.submission_claim = claim
        return None
    if claim.state == "done" and claim.location:
        flash(_("Dieses Formular war schon gesendet und ist gespeichert: Sie sehen das Ergebnis."), "info")
        return redirect(claim.location)
    unknown = claim.state != "pending" or _submissions().age_seconds(claim) > PENDING_SECONDS
    message = (_("Dieses Formular wurde schon gesendet, aber ob es gespeichert wurde, ist nicht "
                 "sicher. Bitte prüfen Sie es; fehlt es dort, senden Sie es unten als neue Eingabe.")
               if unknown else
               _("Dieses Formular wurde eben schon gesendet und wird noch gespeichert. Bitte prüfen "
                 "Sie in einem Moment, ob es gespeichert ist, bevor Sie es noch einmal senden."))
    from ..errors import check_url
    from ..forms import new_form_token, secret_field_names
    sent = [(name, request.form.getlist(name)) for name in request.form
            if name not in {"csrf_token", "form_token", *secret_field_names()}]
    tokens = {"csrf_token": request.form.get("csrf_token", "")}
    if unknown:
        tokens["form_token"] = new_form_token()  # sent again, it is a new submission
    return make_response(render_template(
        "errors/unavailable_form.html", title=_("Schon gesendet"), status=409, message=message,
        outcome="unknown" if unknown else "saved", check=check_url(), form=None, sent=sent,
        tokens=tokens, action=request.path), 409)


def claim_idempotency_key(user):
    """Before an API POST with an Idempotency-Key header (called by the API's blueprint)."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key or request.method != "POST" or request.endpoint in OWN_TOKEN_ENDPOINTS:
        return None
    if len(key) > MAX_KEY or not key.isprintable():
        raise DomainError("Idempotency-Key: höchstens {max} druckbare Zeichen.", max=MAX_KEY)
    claim = _claim(f"api:{user.uid}:{request.path}", key, request.get_data())
    if claim.mine:
        g.submission_claim = claim
        return None
    if not claim.same_request:
        raise KeyReused("Dieser Idempotency-Key wurde schon für eine andere Anfrage benutzt.")
    if claim.state == "done":
        response = make_response(claim.body or "", claim.status)
        response.mimetype = "application/json"
        if claim.location:
            response.headers["Location"] = claim.location
        response.headers["Idempotent-Replayed"] = "true"
        return response
    unknown = _submissions().age_seconds(claim) > PENDING_SECONDS
    response = make_response(json.dumps({
        "error": _("Schon gesendet"), "status": 409, "outcome": "unknown" if unknown else "pending",
        "check": request.path,
        "message": _("Die erste Anfrage mit diesem Schlüssel ist noch nicht beantwortet; ob sie "
                     "gespeichert wurde, ist nicht sicher. Bitte prüfen Sie es.") if unknown else
        _("Die erste Anfrage mit diesem Schlüssel läuft noch. Bitte senden Sie sie gleich noch einmal.")}),
        409)
    response.mimetype = "application/json"
    if not unknown:
        response.headers["Retry-After"] = "5"
    return response


def keep_answer(response):
    """After the first request with a key: keep its answer, or let the key go if nothing was
    saved; an unknown outcome keeps the key pending (a retry must not create again)."""
    claim = g.pop("submission_claim", None)
    if claim is None:
        return response
    api = request.path.startswith("/api/")
    try:
        if response.status_code >= 500:
            if g.get("store_outcome", "none") == "none":
                _submissions().release(claim)
        elif api and response.status_code < 400:
            _submissions().complete(claim, response.status_code, response.get_data(as_text=True),
                                    response.headers.get("Location"))
        elif not api and 300 <= response.status_code < 400:
            _submissions().complete(claim, response.status_code, location=response.location)
        else:
            # refused (invalid input, no permission): nothing saved, the key may run again
            _submissions().release(claim)
    except StoreUnavailable as exc:
        current_app.logger.warning("submission key not updated: %s", exc)
    return response
