"""/api/v1/network/view… : a network view as JSON nodes and edges (routes on bp).

  GET /network/view?types=&district=&actor_kind=&field=&round_table=&colour=&size=
  GET /network/view/<kind>/<uid>?depth=1|2|3&…          the ego view of an entry

The parameters, filters, aggregation of big views and role rules are those of the page
/netzwerk (docs/network.md): a key whose account may not read contact data gets no KNOWS link.
"""
from flask import g, jsonify

from ..errors import NotFound
from ..network.graph import NETWORK_KINDS
from ..network.views import view_data
from . import _kind, _require, bp

NODE_KEYS = ("id", "type", "name", "kind", "districts", "url", "measure", "community")


def _answer(spec, view):
    return jsonify(
        settings={"types": list(spec.types), "colour": spec.colour, "size": spec.size, "depth": spec.depth},
        total=view["total"], aggregated=view["aggregated"],
        nodes=[{key: node.get(key) for key in NODE_KEYS} for node in view["nodes"]],
        edges=[{key: edge[key] for key in ("source", "target", "type", "title")} for edge in view["edges"]])


@bp.route("/network/view")
def network_view():
    _require("register.read")
    return _answer(*view_data(contacts=g.api_user.can("contacts.read")))


@bp.route("/network/view/<kind>/<uid>")
def network_ego_view(kind, uid):
    _require("register.read")
    kind = _kind(kind)
    if kind.key not in NETWORK_KINDS:
        raise NotFound("Diese Art hat keine Netzwerkansicht.")
    return _answer(*view_data(center=uid, kind=kind, contacts=g.api_user.can("contacts.read")))
