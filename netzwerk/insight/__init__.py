"""Network insight: /netzwerk/analyse (brokers, articulation points, islands, communities, district
bridges), /netzwerk/wege (who knows whom: introduction paths, common contacts, two steps) and
/netzwerk/vorschlaege (suggested introductions). See docs/insight.md."""
from flask import Blueprint, current_app

bp = Blueprint("insight", __name__, url_prefix="/netzwerk")


@bp.record_once
def _service(state):
    from .service import SYNC_LIMIT, Insight
    app = state.app
    store = app.extensions["netzwerk.store"]
    app.extensions["netzwerk.insight"] = Insight(
        store, app.config["DATA_DIR"] / "insight", sync_limit=app.config.get("INSIGHT_SYNC_LIMIT", SYNC_LIMIT))


def insight():
    return current_app.extensions["netzwerk.insight"]


from . import views  # noqa: E402,F401  (registers the routes on bp)
