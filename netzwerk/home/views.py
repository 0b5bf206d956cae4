"""Start page: counts from the graph and the next events."""
from flask import Blueprint, render_template

from ..auth import permission_required
from ..clock import now_iso
from ..store_access import store

bp = Blueprint("home", __name__)


@bp.route("/")
@permission_required("register.read")
def index():
    now = now_iso()
    counts = store().read_one("home/count_overview", now=now)
    events = store().read("home/list_upcoming_events", now=now, limit=5)
    return render_template("home/index.html", counts=counts, events=events)
