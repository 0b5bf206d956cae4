"""A need's matching offers, and the coordinator's decisions on it. The URL map:

  /bedarfe/<uid>/passende-angebote          the ranked offers with their reasons (members and up)
  /bedarfe/<uid>/gedeckt                    POST: met by an offer (coordinators)
  /bedarfe/<uid>/status                     POST: dropped, or open again (coordinators)

The need's own page (the register's) shows the first matches too: see `need_section`.
"""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth import permission_required
from ..i18n import gettext as _
from ..store_access import store
from . import service
from .forms import MarkMetForm, NeedStatusForm

bp = Blueprint("matching", __name__)
SECTION_LIMIT = 5
PAGE_LIMIT = 20


def _need_url(uid):
    return url_for("register.show_entry", kind="bedarfe", uid=uid)


def need_section(uid):
    """The matching offers on the need's register page: the first few, and the decision forms."""
    return _section(uid, SECTION_LIMIT)


def _section(uid, limit):
    return {"template": "matching/_need_section.html", "match": service.match_offers(store(), uid, limit=limit),
            "can_decide": current_user.can("register.edit")}


@bp.record_once
def _add_section(state):
    # the register's detail page includes what other features add to a kind's page
    state.app.extensions.setdefault("netzwerk.detail_sections", {}).setdefault("needs", []).append(need_section)


@bp.route("/bedarfe/<uid>/passende-angebote")
@permission_required("register.read")
def need_matches(uid):
    return render_template("matching/need.html", section=_section(uid, PAGE_LIMIT))


@bp.route("/bedarfe/<uid>/gedeckt", methods=["POST"])
@permission_required("register.edit")
def mark_met(uid):
    form = MarkMetForm()
    if form.validate_on_submit():
        service.mark_met(store(), uid, form.offer.data, form.version.data, current_user.name)
        flash(_("Der Bedarf ist als gedeckt markiert."), "success")
    else:
        flash(_("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."), "error")
    return redirect(_need_url(uid))


@bp.route("/bedarfe/<uid>/status", methods=["POST"])
@permission_required("register.edit")
def set_status(uid):
    form = NeedStatusForm()
    if form.validate_on_submit():
        service.set_status(store(), uid, form.status.data, form.version.data, current_user.name)
        flash(_("Der Bedarf ist verworfen.") if form.status.data == "dropped"
              else _("Der Bedarf ist wieder offen."), "success")
    else:
        flash(_("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."), "error")
    return redirect(_need_url(uid))
