"""The gaps pages:

  /luecken                   the uncovered-districts question and its answer
  /luecken/matrix            the coverage matrix (and the map, where districts have geometries);
                             ?format=csv|xlsx downloads it
  /luecken/flaechen          coordinators: import district geometries from a GeoJSON file
"""
from urllib.parse import quote_plus, urlencode

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup

from ..auth import permission_required
from ..i18n import ngettext
from ..register.exports import spreadsheet_response
from ..register.model import DISTRICT_TYPES
from ..store_access import store
from ..i18n import current_language
from .forms import GapQuestionForm, GeometryImportForm, MatrixQuestionForm, area_choices, vocabulary_choices
from .geometry import GeometryError
from .service import (MAX_HOPS, MatrixQuestion, Question, areas, coverage_map, coverage_matrix, import_geometries,
                      matrix_table, uncovered_districts)

bp = Blueprint("gaps", __name__)
# a covered district lists this many of its fitting offers (or actors), then how many more
SOURCES_SHOWN = 5


def _form(form_class):
    """The question's form: its areas and vocabulary choices kept until the next write (they
    are the same for every question; the answer is worked out each time)."""
    area = request.args.get("area", "")
    language = current_language()
    return form_class(request.args,
                      store().remember(("gap-areas", area, language), lambda: area_choices(areas(store(), area))),
                      store().remember(("gap-choices", language), vocabulary_choices))


def _form_html(template, form):
    """The form as this question shows it (chosen values, errors), kept until the next write."""
    return store().remember((template, request.query_string, current_language()),
                            lambda: Markup(render_template(template, form=form)))


def _offers_link(question):
    """offers_link(district, code=None): the offers list behind a matrix cell (or its row's
    total). The part every cell shares is encoded once: a matrix has hundreds of cells."""
    filters = {name: value for name, value in question.filters().items() if value}
    shared = urlencode({"status": "active", **filters})
    prefix = url_for("register.list_entries", kind="angebote") + "?district="
    column = "&" + question.columns + "="

    def offers_link(district, code=None):
        link = prefix + quote_plus(district) + "&" + shared
        return link if code is None else link + column + quote_plus(code)
    return offers_link


def _label(select):
    return next((c.label for c in select.choices if c.value == select.data), "")


@bp.route("/luecken")
@permission_required("register.read")
def index():
    form = _form(GapQuestionForm)
    answer = question = None
    if "area" in request.args and form.validate():
        question = Question(**{name: form[name].data or "" for name in Question.names()})
        answer = uncovered_districts(store(), question)
    form_html = _form_html("gaps/_question_form.html", form)
    offer_filters = {name: getattr(question, name) for name in ("field", "target_group", "language", "weekday")
                     if question is not None and getattr(question, name)}
    return render_template("gaps/index.html", form=form, form_html=form_html, question=question, answer=answer,
                           sources_shown=SOURCES_SHOWN, offer_filters=offer_filters,
                           area_name=_label(form.area), level_label=_label(form.level),
                           district_types=dict(DISTRICT_TYPES), max_hops=MAX_HOPS,
                           ignored=[form[name].label.text for name in question.ignored()] if question else [])


@bp.route("/luecken/matrix")
@permission_required("register.read")
def matrix():
    form = _form(MatrixQuestionForm)
    matrix = question = map_ = None
    if "area" in request.args and form.validate():
        question = MatrixQuestion(**{name: form[name].data or "" for name in MatrixQuestion.names()})
        matrix = coverage_matrix(store(), question)
        if request.args.get("format") in ("csv", "xlsx"):
            header, body = matrix_table(matrix, _label(form.level))
            return spreadsheet_response(header, body, request.args["format"], "abdeckung",
                                        _label(form.columns))
        map_ = coverage_map(store(), matrix)
    return render_template("gaps/matrix.html", form=form, form_html=_form_html("gaps/_matrix_form.html", form),
                           question=question, matrix=matrix, map=map_,
                           offers_link=_offers_link(question) if question is not None else None,
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
