"""/api/v1/network/… : the analysis, introduction paths and suggested introductions (routes on bp).

  GET /network/measures?area=                      brokers, articulation points, islands, communities,
                                                   district bridges of the whole network or an area's
  GET /network/paths?from=&to=&max_steps=          up to three shortest chains through visible links
  GET /network/suggestions?area=                   suggested introductions (contacts.read)

What a key's account may see decides the graph, as on the pages: without contacts.read there is
no KNOWS link in any measure or path, and no suggestion (403). A measure still being computed
for the first time answers 202 with the progress; a stale one is served with "fresh": false.
"""
from flask import g, jsonify, request

from ..errors import DomainError, NotFound
from ..insight import insight
from ..insight.service import FULL, MAX_STEPS, visibility_for
from . import _require, bp


def _area():
    area = request.args.get("area", "")
    if area and area not in {row["uid"] for row in insight().areas()}:
        raise NotFound("Dieses Gebiet gibt es nicht (area: uid einer Stadt oder eines Stadtbezirks).")
    return area


@bp.route("/network/measures")
def network_measures():
    _require("register.read")
    answer = insight().analysis(visibility_for(g.api_user), _area())
    job = answer["job"]
    body = {"computed_at": answer["computed_at"], "fresh": answer["fresh"],
            "job": {"done": job["done"], "total": job["total"], "error": bool(job["error"])} if job else None,
            "measures": answer["data"]}
    return jsonify(body), (202 if answer["data"] is None else 200)


@bp.route("/network/paths")
def network_paths():
    _require("register.read")
    try:
        steps = int(request.args.get("max_steps", MAX_STEPS))
    except ValueError:
        raise DomainError("max_steps muss eine ganze Zahl von 1 bis 6 sein.") from None
    if not 1 <= steps <= 6:
        raise DomainError("max_steps muss eine ganze Zahl von 1 bis 6 sein.")
    visibility = visibility_for(g.api_user)
    ends = []
    for name in ("from", "to"):
        uid = request.args.get(name, "")
        if insight().node(uid, visibility) is None:
            raise NotFound("{name}: keine Person, kein Akteur und kein Runder Tisch mit dieser uid.", name=name)
        ends.append(uid)
    chains = insight().paths(ends[0], ends[1], visibility, steps)
    return jsonify(max_steps=steps, chains=[chain["steps"] for chain in chains],
                   knows_included=visibility == FULL)


@bp.route("/network/suggestions")
def network_suggestions():
    _require("contacts.read")
    answer, shown = insight().suggestions(g.api_user.uid, FULL, _area())
    return jsonify(computed_at=answer["computed_at"], suggestions=shown), (202 if answer["data"] is None else 200)
