"""Start page: counts from the graph and the next events."""
import time

from flask import Blueprint, render_template

from ..auth import permission_required
from ..store_access import store

bp = Blueprint("home", __name__)


@bp.route("/")
@permission_required("register.read")
def index():
    now = time.strftime("%Y-%m-%dT%H:%M")
    counts = store().read_one("home/count_overview", now=now)
    events = store().read("home/list_upcoming_events", now=now, limit=5)
    return render_template("home/index.html", counts=counts, events=events)
