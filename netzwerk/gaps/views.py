"""The gaps pages:

  /luecken                   the uncovered-districts question and its answer
  /luecken/matrix            the coverage matrix (and the map, where districts have geometries);
                             ?format=csv|xlsx downloads it
  /luecken/flaechen          coordinators: import district geometries from a GeoJSON file
"""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..auth import permission_required
from ..i18n import ngettext
from ..register.exports import spreadsheet_response
from ..register.model import DISTRICT_TYPES
from ..store_access import store
from .forms import GapQuestionForm, GeometryImportForm, MatrixQuestionForm
from .geometry import GeometryError
from .service import (MAX_HOPS, MatrixQuestion, Question, areas, coverage_map, coverage_matrix, import_geometries,
                      matrix_table, uncovered_districts)

bp = Blueprint("gaps", __name__)


def _label(select):
    return next((c.label for c in select.choices if c.value == select.data), "")


@bp.route("/luecken")
@permission_required("register.read")
def index():
    form = GapQuestionForm(request.args, areas(store(), request.args.get("area", "")))
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
    form = MatrixQuestionForm(request.args, areas(store(), request.args.get("area", "")))
    matrix = question = map_ = None
    if "area" in request.args and form.validate():
        question = MatrixQuestion(**{name: form[name].data or "" for name in MatrixQuestion.names()})
        matrix = coverage_matrix(store(), question)
        if request.args.get("format") in ("csv", "xlsx"):
            header, body = matrix_table(matrix, _label(form.level))
            return spreadsheet_response(header, body, request.args["format"], "abdeckung",
                                        _label(form.columns))
        map_ = coverage_map(store(), matrix)
    return render_template("gaps/matrix.html", form=form, question=question, matrix=matrix, map=map_,
                           area_name=_label(form.area), level_label=_label(form.level),
                           columns_label=_label(form.columns))


@bp.route("/luecken/flaechen", methods=["GET", "POST"])
@permission_required("register.edit")
def geometries():
    form = GeometryImportForm()
    result = None
    if form.validate_on_submit():
        try:
            result = import_geometries(store(), form.file.data.read(), by=current_user.name)
        except GeometryError as error:
            form.file.errors.append(str(error))
        else:
            if not result["problems"]:
                flash(ngettext("{count} Fläche importiert.", "{count} Flächen importiert.", len(result["imported"])), "success")
                return redirect(url_for("gaps.geometries"))
    return render_template("gaps/geometries.html", form=form, result=result)
