"""/luecken: the uncovered-districts question and its answer; /luecken/matrix: the coverage
matrix, as a page and as CSV or XLSX."""
from flask import Blueprint, render_template, request

from ..auth import permission_required
from ..register.exports import spreadsheet_response
from ..register.model import DISTRICT_TYPES
from ..store_access import store
from .forms import GapQuestionForm, MatrixQuestionForm
from .service import MAX_HOPS, MatrixQuestion, Question, areas, coverage_matrix, matrix_table, uncovered_districts

bp = Blueprint("gaps", __name__)


def _label(select):
    return next((c.label for c in select.choices if c.value == select.data), "")


@bp.route("/luecken")
@permission_required("register.read")
def index():
    form = GapQuestionForm(request.args, areas(store()))
    answer = question = None
    if "area" in request.args and form.validate():
        question = Question(**{name: form[name].data or "" for name in Question.names()})
        answer = uncovered_districts(store(), question)
    return render_template("gaps/index.html", form=form, question=question, answer=answer,
                           area_name=_label(form.area), level_label=_label(form.level),
                           district_types=dict(DISTRICT_TYPES), max_hops=MAX_HOPS,
                           ignored=[form[name].label.text for name in question.ignored()] if question else [])


@bp.route("/luecken/matrix")
@permission_required("register.read")
def matrix():
    form = MatrixQuestionForm(request.args, areas(store()))
    matrix = question = None
    if "area" in request.args and form.validate():
        question = MatrixQuestion(**{name: form[name].data or "" for name in MatrixQuestion.names()})
        matrix = coverage_matrix(store(), question)
        if request.args.get("format") in ("csv", "xlsx"):
            header, body = matrix_table(matrix, _label(form.level))
            return spreadsheet_response(header, body, request.args["format"], "abdeckung",
                                        _label(form.columns))
    return render_template("gaps/matrix.html", form=form, question=question, matrix=matrix,
                           area_name=_label(form.area), level_label=_label(form.level),
                           columns_label=_label(form.columns))
