"""Consent records on a person's page (coordinators and admins: permission contacts.read):

  POST /personen/<uid>/einwilligungen              record a consent (how, date, evidence)
  POST /personen/<uid>/einwilligungen/widerruf     record the withdrawal of every active consent
"""
from datetime import date

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user
from wtforms import DateField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from .. import consent
from ..audit.trail import note
from ..auth import permission_required
from ..errors import DomainError, NotFound
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..store_access import store
from . import service

bp = Blueprint("consents", __name__)

HOW_LABELS = {"form": _l("über das öffentliche Formular"),
              "invitation": _l("über den persönlichen Einladungslink"),
              "manual": _l("von einer Koordinatorin oder einem Organisator eingetragen"),
              "import": _l("aus einem Import übernommen"),
              "api": _l("über die Programmierschnittstelle (API)")}
WITHDRAWN_LABELS = {"personal_link": _l("von der Person selbst über ihren persönlichen Link"),
                    "manual": _l("von einer Koordinatorin eingetragen (mündlich, per E-Mail oder schriftlich)")}
assert set(HOW_LABELS) == set(consent.HOWS) and set(WITHDRAWN_LABELS) == set(consent.WITHDRAWN_HOWS)


class ConsentForm(Form):
    how = SelectField(_l("Wie wurde die Einwilligung gegeben?"),
                      choices=[SelectChoice(k, HOW_LABELS[k]) for k in ("manual", "import")])
    given_at = DateField(_l("Datum der Einwilligung"), [DataRequired(_l("Bitte ein Datum angeben."))])
    evidence = StringField(_l("Nachweis"), [Optional(), Length(max=service.MAX_EVIDENCE)],
                           description=_l("Wo die Einwilligung belegt ist, z. B. „unterschriebener Bogen vom "
                                          "3. März, Ordner Netzwerk“. Keine Gesundheits- oder sonstigen "
                                          "sensiblen Angaben."))
    submit = SubmitField(_l("Einwilligung erfassen"))


class WithdrawForm(Form):
    note = StringField(_l("Wie kam der Widerruf?"), [Optional(), Length(max=service.MAX_EVIDENCE)],
                       description=_l("z. B. „Anruf am 5. Mai“ oder „E-Mail vom 5. Mai“"))
    submit = SubmitField(_l("Widerruf erfassen"))


def person_section(uid):
    """On a person's register page, for coordinators and admins only: the consent records."""
    if not current_user.can("contacts.read"):
        return {"template": "consents/_nothing.html"}
    rows = service.records(store(), uid)
    return {"template": "consents/_person_section.html", "person": uid, "records": rows,
            "state": service.state(rows), "how_labels": HOW_LABELS, "withdrawn_labels": WITHDRAWN_LABELS,
            "form": ConsentForm(formdata=None, prefix="consent", given_at=date.today()),
            "withdraw": WithdrawForm(formdata=None, prefix="withdraw"),
            "can_edit": current_user.can("register.edit"), "consent_text": consent.current("person")[1]}


@bp.record_once
def _add_section(state):
    # the register's detail page includes what other features add to a kind's page
    state.app.extensions.setdefault("netzwerk.detail_sections", {}).setdefault("people", []).append(person_section)


def _back(uid):
    return redirect(url_for("register.show_entry", kind="personen", uid=uid) + "#einwilligungen")


@bp.route("/personen/<uid>/einwilligungen", methods=["POST"])
@permission_required("contacts.read")
def record(uid):
    if not current_user.can("register.edit"):
        raise NotFound()
    form = ConsentForm(prefix="consent")
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        return _back(uid)
    try:
        service.record(store(), uid, how=form.how.data, given_at=form.given_at.data.isoformat(),
                       evidence=form.evidence.data, by=current_user.uid)
    except DomainError as error:
        flash(str(error), "error")
        return _back(uid)
    note("create", "person", uid, "consent")
    flash(_("Die Einwilligung ist erfasst."), "success")
    return _back(uid)


@bp.route("/personen/<uid>/einwilligungen/widerruf", methods=["POST"])
@permission_required("contacts.read")
def withdraw(uid):
    if not current_user.can("register.edit"):
        raise NotFound()
    form = WithdrawForm(prefix="withdraw")
    if not form.validate_on_submit():
        flash(_("Das Formular ist abgelaufen. Bitte laden Sie die Seite neu."), "error")
        return _back(uid)
    if service.withdraw(store(), uid, how="manual", note=form.note.data, by=current_user.uid):
        note("update", "person", uid, "consent")
        flash(_("Der Widerruf ist erfasst. Die Person wird nicht mehr zu Veranstaltungen eingeladen."), "success")
    else:
        flash(_("Es gab keine wirksame Einwilligung zu widerrufen."), "info")
    return _back(uid)
