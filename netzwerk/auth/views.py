"""Login, logout and password change: thin views over the Accounts service."""
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..i18n import gettext as _
from . import accounts, bp
from .forms import ChangePasswordForm, LoginForm, TokenForm


def _safe_next(target):
    """Only local paths: an open redirect would let a phishing link bounce through us."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/anmelden", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        user, reason = accounts().authenticate(form.email.data, form.password.data,
                                               request.remote_addr)
        if user is not None:
            language = session.get("lang")
            session.clear()  # a fresh session on login: no fixation
            if language:
                session["lang"] = language
            session.permanent = True
            login_user(user)
            flash(_("Sie sind angemeldet."), "success")
            return redirect(_safe_next(request.args.get("next")) or url_for("home.index"))
        if reason == "throttled":
            form.form_errors.append(
                _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in 15 Minuten erneut."))
            status = 429
        else:
            form.form_errors.append(_("E-Mail oder Passwort ist falsch."))
            status = 401
    elif form.errors:
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.route("/abmelden", methods=["POST"])
@login_required
def logout():
    accounts().end_sessions(current_user)
    logout_user()
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    flash(_("Sie sind abgemeldet."), "success")
    return redirect(url_for("auth.login"))


@bp.route("/passwort", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = accounts().change_password(current_user._get_current_object(), form.current.data,
                                          form.new.data)
        if user is not None:
            login_user(user)  # the old token is void; keep this session with the new one
            flash(_("Das Passwort wurde geändert. Andere Sitzungen sind beendet."), "success")
            return redirect(url_for("home.index"))
        form.current.errors.append(_("Das aktuelle Passwort ist falsch."))
    status = 400 if form.errors else 200
    return render_template("auth/change_password.html", form=form), status


@bp.route("/konto/api-schluessel", methods=["GET", "POST"])
@login_required
def api_tokens():
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        new_token = accounts().create_token(current_user, form.name.data)
        form = TokenForm(formdata=None)
    return render_template("auth/api_tokens.html", form=form, new_token=new_token,
                           tokens=accounts().tokens(current_user))


@bp.route("/konto/api-schluessel/<uid>/widerrufen", methods=["POST"])
@login_required
def revoke_api_token(uid):
    if accounts().revoke_token(current_user, uid):
        flash(_("Der Schlüssel wurde widerrufen."), "success")
    return redirect(url_for("auth.api_tokens"))
