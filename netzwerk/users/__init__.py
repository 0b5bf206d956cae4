"""Account administration (admins only): list, create, change role, deactivate.

  /benutzer                    list and create
  /benutzer/<uid>              POST: change role or active state
"""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length

from ..auth import accounts, permission_required
from ..auth.roles import ROLES
from ..auth.service import MIN_PASSWORD_LENGTH
from ..errors import DomainError, NotFound
from ..forms import Form
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..security_log import security_event
from ..store import ConstraintViolation

bp = Blueprint("users", __name__, url_prefix="/benutzer")
ROLE_CHOICES = [SelectChoice(role, _l(label)) for role, label in ROLES.items()]


class NewUserForm(Form):
    email = EmailField(_l("E-Mail"), [DataRequired(_l("Bitte ausfüllen.")), Email(
        _l("Bitte eine gültige E-Mail-Adresse eingeben."), check_deliverability=False)])
    name = StringField(_l("Name"), [DataRequired(_l("Bitte ausfüllen.")), Length(max=120)])
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES, default="member")
    password = PasswordField(_l("Erstes Passwort"), [Length(min=MIN_PASSWORD_LENGTH, message=_l(
        "Das Passwort muss mindestens 12 Zeichen lang sein."))],
        description=_l("Mindestens 12 Zeichen. Bitte sicher übermitteln; die Person kann es danach ändern."))
    submit = SubmitField(_l("Zugang anlegen"))


class UserForm(Form):
    role = SelectField(_l("Rolle"), choices=ROLE_CHOICES)
    active = SelectField(_l("Status"), choices=[SelectChoice("1", _l("aktiv")), SelectChoice("0", _l("gesperrt"))])
    submit = SubmitField(_l("Übernehmen"))


@bp.route("", methods=["GET", "POST"])
@permission_required("users.manage")
def index():
    form = NewUserForm()
    if form.validate_on_submit():
        try:
            created = accounts().create_user(form.email.data, form.name.data, form.role.data,
                                             form.password.data, created_by=current_user.name)
        except ConstraintViolation:
            form.email.errors.append(_("Es gibt bereits einen Zugang mit dieser E-Mail."))
        else:
            security_event("user.created", user=current_user.uid, target=created, role=form.role.data)
            flash(_("Der Zugang für {email} wurde angelegt.", email=form.email.data), "success")
            return redirect(url_for("users.index"))
    users = accounts().list_users()
    forms = {u["uid"]: UserForm(formdata=None, prefix=f"u{i}", role=u["role"], active="1" if u["active"] else "0")
             for i, u in enumerate(users)}
    return render_template("users/index.html", form=form, users=users, forms=forms), 400 if form.errors else 200


@bp.route("/<uid>", methods=["POST"])
@permission_required("users.manage")
def update(uid):
    users = {u["uid"]: (i, u) for i, u in enumerate(accounts().list_users())}
    if uid not in users:
        raise NotFound("Diesen Zugang gibt es nicht.")
    index, user = users[uid]
    form = UserForm(prefix=f"u{index}")
    if not form.validate_on_submit():
        raise DomainError("Ungültige Angaben.")
    if uid == current_user.uid and (form.role.data != "admin" or form.active.data != "1"):
        raise DomainError("Sie können sich nicht selbst die Administration entziehen oder sperren.")
    if form.role.data != user["role"]:
        accounts().set_role(uid, form.role.data)
        security_event("user.role_changed", user=current_user.uid, target=uid, role=form.role.data)
    if (form.active.data == "1") != bool(user["active"]):
        accounts().set_active(user["email"], form.active.data == "1")
        security_event("user.activated" if form.active.data == "1" else "user.deactivated",
                       user=current_user.uid, target=uid)
        if form.active.data != "1":
            flash(_("Der Zugang {email} ist gesperrt; seine Sitzungen und API-Schlüssel sind beendet.",
                    email=user["email"]), "success")
            return redirect(url_for("users.index"))
    flash(_("Der Zugang {email} wurde geändert.", email=user["email"]), "success")
    return redirect(url_for("users.index"))
