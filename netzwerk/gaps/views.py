"""/luecken: the uncovered-districts question and its answer on one page."""
from flask import Blueprint, render_template, request

from ..auth import permission_required
from ..register.model import DISTRICT_TYPES
from ..store_access import store
from .forms import GapQuestionForm
from .service import Question, areas, uncovered_districts

bp = Blueprint("gaps", __name__)


@bp.route("/luecken")
@permission_required("register.read")
def index():
    form = GapQuestionForm(request.args, areas(store()))
    answer = question = None
    if "area" in request.args and form.validate():
        question = Question(**{name: form[name].data or "" for name in (
            "area", "level", "subject", "field", "target_group", "language", "weekday")})
        answer = uncovered_districts(store(), question)
    area_name = next((c.label for c in form.area.choices if c.value == form.area.data), "")
    return render_template("gaps/index.html", form=form, question=question, answer=answer,
                           area_name=area_name, level_label=next((c.label for c in form.level.choices if c.value == form.level.data), ""),
                           district_types=dict(DISTRICT_TYPES))
