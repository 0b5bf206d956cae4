"""/kennzahlen: the manager's dashboard (coordinators and admins), printable."""
from datetime import date

from flask import Blueprint, render_template, request

from ..auth import permission_required
from ..clock import now_iso, today
from ..register.model import DISTRICT_TYPES
from ..store_access import store
from .service import key_figures

bp = Blueprint("dashboard", __name__)
LEVELS = ("Stadtbezirk", "Stadtteil", "Quartier")


@bp.route("/kennzahlen")
@permission_required("dashboard.read")
def index():
    level = request.args.get("ebene", "Stadtbezirk")
    level = level if level in LEVELS else "Stadtbezirk"
    figures = key_figures(store(), date.fromisoformat(today()), now_iso()[:16], level=level)
    return render_template("dashboard/index.html", figures=figures, levels=LEVELS,
                           district_types=dict(DISTRICT_TYPES))
