"""The vocabulary pages: coordinators read the lists, admins add terms and rename or remove
the ones they added (built-in terms stay). The URL map:

  /begriffe                                   the lists; POST (admins): add a term
  /begriffe/<vocabulary>/<code>               POST (admins): rename an added term
  /begriffe/<vocabulary>/<code>/loeschen      POST (admins): remove an added term nobody uses
"""
from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from ..auth import permission_required
from ..errors import DomainError
from ..i18n import gettext as _
from .forms import DeleteTermForm, NewTermForm, TermForm

bp = Blueprint("vocabularies", __name__, url_prefix="/begriffe")


def vocabularies():
    return current_app.extensions["netzwerk.vocabulary_admin"]


def _term_forms(overview):
    """A rename and a delete form per added term (admins only), prefixed by its place."""
    forms = {}
    for vocabulary in overview:
        for term in vocabulary["added"]:
            prefix = _prefix(term.vocabulary, term.code)
            forms[(term.vocabulary, term.code)] = (
                TermForm(formdata=None, prefix=prefix, de=term.de, en=term.en, aliases="; ".join(term.aliases)),
                DeleteTermForm(formdata=None, prefix=prefix + "-del"))
    return forms


def _page(form, status=200):
    overview = vocabularies().overview()
    can_manage = current_user.can("vocabularies.manage")
    return render_template("vocabularies/index.html", overview=overview, form=form, can_manage=can_manage,
                           term_forms=_term_forms(overview) if can_manage else {}), status


@bp.route("")
@permission_required("vocabularies.read")
def index():
    return _page(NewTermForm(formdata=None))


@bp.route("", methods=["POST"])
@permission_required("vocabularies.manage")
def add_term():
    form = NewTermForm()
    if not form.validate_on_submit():
        return _page(form, 400)
    try:
        code = vocabularies().add(form.vocabulary.data, form.de.data, form.en.data, form.code.data,
                                  form.aliases.data, by=current_user.name)
    except DomainError as error:
        form.form_errors.append(str(error))
        return _page(form, error.status)
    flash(_("„{label}“ wurde hinzugefügt (Code {code}).", label=form.de.data.strip(), code=code), "success")
    return redirect(url_for("vocabularies.index") + f"#liste-{form.vocabulary.data}")


def _prefix(vocabulary, code):
    """A term's form prefix: codes are lower-case letters, digits and hyphens."""
    return f"{vocabulary}-{code}"


@bp.route("/<vocabulary>/<code>", methods=["POST"])
@permission_required("vocabularies.manage")
def rename_term(vocabulary, code):
    form = TermForm(prefix=_prefix(vocabulary, code))
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
    else:
        try:
            vocabularies().rename(vocabulary, code, form.de.data, form.en.data, form.aliases.data,
                                  by=current_user.name)
            flash(_("Der Begriff wurde umbenannt."), "success")
        except DomainError as error:
            flash(str(error), "error")
    return redirect(url_for("vocabularies.index") + f"#liste-{vocabulary}")


@bp.route("/<vocabulary>/<code>/loeschen", methods=["POST"])
@permission_required("vocabularies.manage")
def delete_term(vocabulary, code):
    form = DeleteTermForm(prefix=_prefix(vocabulary, code) + "-del")
    if form.validate_on_submit():
        try:
            vocabularies().delete(vocabulary, code)
            flash(_("Der Begriff wurde gelöscht."), "success")
        except DomainError as error:
            flash(str(error), "error")
    return redirect(url_for("vocabularies.index") + f"#liste-{vocabulary}")
