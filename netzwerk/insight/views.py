"""The insight pages: thin views over netzwerk/insight/service.py."""
from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from ..auth import permission_required
from ..errors import DomainError, NotFound
from ..forms import Form
from ..register import register
from ..register.model import KINDS
from . import bp, insight
from .forms import AreaForm, PathForm
from .service import FULL, visibility_for

# the type-ahead offers these kinds, in this order
PICKABLE = ("people", "actors", "round_tables")


def _area(form):
    """The chosen area's uid, or "" for the whole network (an unknown uid is refused)."""
    if form.validate():
        return form.gebiet.data or ""
    raise NotFound("Dieses Gebiet gibt es nicht.")


@bp.route("/analyse")
@permission_required("register.read")
def analysis():
    form = AreaForm(request.args, insight().areas())
    area = _area(form)
    visibility = visibility_for(current_user)
    answer = insight().analysis(visibility, area)
    area_name = next((c.label for c in form.gebiet.choices if c.value == area), "")
    return render_template("insight/analysis.html", form=form, answer=answer, area=area, area_name=area_name,
                           full=visibility == FULL)


@bp.route("/namen")
@permission_required("register.read")
def names():
    """Type-ahead for the path form: JSON [{uid, name}] of people, actors and round tables."""
    text = request.args.get("q", "")[:100]
    found = []
    for key in PICKABLE:
        found += register().suggestions(KINDS[key], text, limit=5)
    return jsonify([{"uid": row["uid"], "name": row["name"]} for row in found])


@bp.route("/wege")
@permission_required("register.read")
def paths():
    form = PathForm(request.args, url_for("insight.names"))
    visibility = visibility_for(current_user)
    answer = None
    if "von" in request.args and form.validate():
        try:
            source = insight().resolve(form.von.data, form.von_uid.data)
            target = insight().resolve(form.nach.data, form.nach_uid.data)
        except DomainError as error:
            flash(str(error), "error")
        else:
            steps = form.schritte.data or 4
            answer = {"source": insight().node(source, visibility), "target": insight().node(target, visibility),
                      "steps": steps, "chains": insight().paths(source, target, visibility, steps),
                      "common": None}
            if visibility == FULL and answer["source"]["label"] == answer["target"]["label"] == "Person":
                answer["common"] = insight().contacts(source, target, visibility)
    return render_template("insight/paths.html", form=form, answer=answer, full=visibility == FULL)


@bp.route("/umfeld/<uid>")
@permission_required("register.read")
def neighbourhood(uid):
    visibility = visibility_for(current_user)
    node = insight().node(uid, visibility)
    if node is None:
        raise NotFound("Diese Person, dieser Akteur oder Runde Tisch ist unbekannt.")
    return render_template("insight/neighbourhood.html", node=node,
                           steps=insight().neighbourhood(uid, visibility), full=visibility == FULL)


@bp.route("/vorschlaege")
@permission_required("contacts.read")
def suggestions():
    form = AreaForm(request.args, insight().areas())
    area = _area(form)
    answer, shown = insight().suggestions(current_user.uid, FULL, area)
    return render_template("insight/suggestions.html", form=form, area=area, answer=answer,
                           suggestions=shown, dismiss_form=Form(),
                           field_labels=dict(KINDS["actors"].field("fields").options()))


@bp.route("/vorschlaege/verwerfen", methods=["POST"])
@permission_required("contacts.read")
def dismiss():
    form = Form()
    if not form.validate_on_submit():
        raise DomainError("Das Formular ist abgelaufen. Bitte noch einmal versuchen.")
    a, _, b = request.form.get("pair", "").partition("|")
    insight().dismiss(current_user.uid, a, b, FULL)
    flash(_flash_dismissed(), "success")
    area = request.form.get("gebiet", "")
    return redirect(url_for("insight.suggestions", gebiet=area) if area else url_for("insight.suggestions"))


def _flash_dismissed():
    from ..i18n import gettext as _
    return _("Der Vorschlag wird Ihnen nicht mehr gezeigt.")
