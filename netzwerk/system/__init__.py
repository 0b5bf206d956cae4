"""Health check and language choice."""
from flask import Blueprint, jsonify, redirect, request, url_for

from ..i18n import LANGUAGES, choose_language
from ..safe_redirect import local_path
from ..store_access import store

bp = Blueprint("system", __name__)


@bp.route("/healthz")
def healthz():
    """For load balancers and the operator: does the store answer?"""
    current = store()
    if current.ping():
        return jsonify(status="ok", store=current.backend)
    response = jsonify(status="unavailable", store=current.backend)
    response.status_code = 503
    response.headers["Retry-After"] = "30"
    return response


@bp.route("/sprache", methods=["POST"])
def set_language():
    language = request.form.get("lang")
    if language in LANGUAGES:
        choose_language(language)
    return redirect(local_path(request.form.get("next")) or url_for("home.index"))
