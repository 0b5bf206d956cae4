"""Health check and language choice."""
from flask import Blueprint, jsonify, redirect, request, url_for

from ..i18n import LANGUAGES, choose_language
from ..safe_redirect import local_path
from ..store_access import store

bp = Blueprint("system", __name__)


@bp.route("/healthz")
def healthz():
    """For load balancers and the operator: does the store answer? With the embedded database,
    `database` says what its supervisor knows: "restarting" while it starts it again, "down"
    when restarts keep failing, and `notices` what the last start found (a trimmed
    append-only file)."""
    current = store()
    answering = current.ping()
    health = current.health()  # after the ping: a state read before it could predate the failure
    details = {key: health[key] for key in ("notices", "reason", "attempt", "retry_in") if key in health}
    if answering:
        if "notices" in details:
            return jsonify(status="ok", store=current.backend, notices=details["notices"])
        return jsonify(status="ok", store=current.backend)
    state = health.get("state")
    database = state if state in ("restarting", "down") else "unavailable"
    response = jsonify(status="unavailable", database=database, store=current.backend, **details)
    response.status_code = 503
    response.headers["Retry-After"] = "5" if database == "restarting" else "30"
    return response


@bp.route("/sprache", methods=["POST"])
def set_language():
    language = request.form.get("lang")
    if language in LANGUAGES:
        choose_language(language)
    return redirect(local_path(request.form.get("next")) or url_for("home.index"))
