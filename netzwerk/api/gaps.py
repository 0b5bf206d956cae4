"""/api/v1/ for the gap question and the coverage matrix (routes on the API blueprint):

  GET /gaps?area=…&level=…&subject=…&field=…   the uncovered districts, the page's question
  GET /gaps/matrix?area=…&level=…&columns=…     the coverage matrix

The parameters are the pages' (/luecken, /luecken/matrix), checked by the same forms; the
needs-to-offers matching joins here when it lands (its own module).
"""
from flask import jsonify, request

from ..gaps.forms import GapQuestionForm, MatrixQuestionForm
from ..gaps.service import MatrixQuestion, Question, areas, coverage_matrix, uncovered_districts
from ..store_access import store
from . import _require, bp


def _question(form_class, question_class):
    """The question of the request's parameters, or a 400 response naming the fields."""
    form = form_class(request.args, areas(store(), request.args.get("area", "")))
    if not form.validate():
        response = jsonify(error="Ungültige Angaben", status=400, message="Bitte die Parameter prüfen.",
                           fields={name: [str(e) for e in errors] for name, errors in form.errors.items()})
        response.status_code = 400
        return None, response
    return question_class(**{name: form[name].data or "" for name in question_class.names()}), None


@bp.route("/gaps", methods=["GET"])
def gaps():
    _require("register.read")
    question, refused = _question(GapQuestionForm, Question)
    if refused:
        return refused
    return jsonify(question=question.params(), ignored=question.ignored(), **uncovered_districts(store(), question))


@bp.route("/gaps/matrix", methods=["GET"])
def gaps_matrix():
    _require("register.read")
    question, refused = _question(MatrixQuestionForm, MatrixQuestion)
    if refused:
        return refused
    return jsonify(question=question.params(), **coverage_matrix(store(), question))
