"""Start page: counts that lead to their lists, a search over everything, recent changes,
the next events; and the search results page."""
from flask import Blueprint, render_template, request
from flask_login import current_user

from ..auth import permission_required
from ..clock import now_iso
from ..store_access import store
from .service import overview, recent_changes, search_everything, upcoming_events

bp = Blueprint("home", __name__)


@bp.route("/")
@permission_required("register.read")
def index():
    now = now_iso()
    return render_template("home/index.html", counts=overview(store(), now),
                           events=upcoming_events(store(), now),
                           changes=recent_changes(store(), current_user.can("contacts.read")))


@bp.route("/suche")
@permission_required("register.read")
def search():
    text = request.args.get("q", "")[:200]
    return render_template("home/search.html", q=text, groups=search_everything(store(), text))
