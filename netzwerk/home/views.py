"""Start page: counts from the graph and the next events."""
from flask import Blueprint, render_template

from ..auth import permission_required
from ..clock import now_iso
from ..store_access import store
from .service import overview, upcoming_events

bp = Blueprint("home", __name__)


@bp.route("/")
@permission_required("register.read")
def index():
    now = now_iso()
    counts = overview(store(), now)
    events = upcoming_events(store(), now)
    return render_template("home/index.html", counts=counts, events=events)
