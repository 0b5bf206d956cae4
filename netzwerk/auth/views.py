"""Login, logout and password change: thin views over the Accounts service."""

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

import logging

from ..safe_redirect import local_path
from ..i18n import gettext as _
from ..security_log import security_event
from . import accounts, bp
from .forms import ChangePasswordForm, LoginForm, TokenForm


def _fresh_session():
    """An empty session that keeps only the language choice: no fixation, nothing left over."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def _wait_message(seconds):
    if seconds <= 1:
        return _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einer Sekunde erneut.")
    if seconds < 60:
        return _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {seconds} Sekunden erneut.",
                 seconds=seconds)
    minutes = -(-seconds // 60)
    if minutes == 1:
        return _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in einer Minute erneut.")
    return _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {minutes} Minuten erneut.",
             minutes=minutes)


def _refusal_message(refusal, invalid):
    return _wait_message(refusal.retry_after) if refusal.reason == "throttled" else invalid


@bp.before_app_request
def end_expired_session():
    """A signed-in session ends after the idle limit and, however busy, after its lifetime."""
    if "_user_id" in session and not accounts().keep_session(session):
        logout_user()
        _fresh_session()
        flash(_("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an."), "info")


@bp.route("/anmelden", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    status, headers = 200, {}
    if form.validate_on_submit():
        user, refusal = accounts().authenticate(form.email.data, form.password.data,
                                                request.remote_addr)
        if user is not None:
            _fresh_session()  # a fresh session on login: no fixation
            session.permanent = True
            accounts().start_session(session)
            login_user(user)
            security_event("login.success", user=user.uid)
            flash(_("Sie sind angemeldet."), "success")
            return redirect(local_path(request.args.get("next")) or url_for("home.index"))
        form.form_errors.append(_refusal_message(refusal, _("E-Mail oder Passwort ist falsch.")))
        security_event("login.failure", logging.WARNING, account=accounts().account_key(form.email.data),
                       reason=refusal.reason)
        if refusal.reason == "throttled":
            status, headers = 429, {"Retry-After": str(refusal.retry_after)}
        else:
            status = 401
    elif form.errors:
        status = 400
    return render_template("auth/login.html", form=form), status, headers


@bp.route("/abmelden", methods=["POST"])
@login_required
def logout():
    accounts().end_sessions(current_user)  # API keys stay: they are not sessions
    security_event("logout", user=current_user.uid)
    logout_user()
    _fresh_session()
    flash(_("Sie sind abgemeldet."), "success")
    return redirect(url_for("auth.login"))


@bp.route("/passwort", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        revoked, refusal = accounts().change_password(user, form.current.data, form.new.data,
                                                      request.remote_addr)
        if refusal is None:
            login_user(user)  # the old token is void; keep this session with the new one
            security_event("password.changed", user=user.uid, api_keys_revoked=revoked)
            if revoked:
                flash(_("Das Passwort wurde geändert. Andere Sitzungen sind beendet, Ihre API-Schlüssel wurden widerrufen."),
                      "success")
            else:
                flash(_("Das Passwort wurde geändert. Andere Sitzungen sind beendet."), "success")
            return redirect(url_for("home.index"))
        form.current.errors.append(_refusal_message(refusal, _("Das aktuelle Passwort ist falsch.")))
        security_event("password.refused", logging.WARNING, user=current_user.uid, reason=refusal.reason)
    status = 400 if form.errors else 200
    return render_template("auth/change_password.html", form=form), status


@bp.route("/konto/api-schluessel", methods=["GET", "POST"])
@login_required
def api_tokens():
    form = TokenForm()
    new_token = None
    if form.validate_on_submit():
        # re-authentication: a session left open on a shared PC must not mint a lasting key
        refusal = accounts().reauthenticate(current_user, form.password.data, request.remote_addr)
        if refusal is None:
            new_token = accounts().create_token(current_user, form.name.data)
            security_event("apikey.created", user=current_user.uid, prefix=new_token[:7])
            form = TokenForm(formdata=None)
        else:
            form.password.errors.append(_refusal_message(refusal, _("Das Passwort ist falsch.")))
            security_event("apikey.refused", logging.WARNING, user=current_user.uid, reason=refusal.reason)
    status = 400 if form.errors else 200
    return render_template("auth/api_tokens.html", form=form, new_token=new_token,
                           tokens=accounts().tokens(current_user)), status


@bp.route("/konto/api-schluessel/<uid>/widerrufen", methods=["POST"])
@login_required
def revoke_api_token(uid):
    if accounts().revoke_token(current_user, uid):
        security_event("apikey.revoked", user=current_user.uid, key=uid)
        flash(_("Der Schlüssel wurde widerrufen."), "success")
    return redirect(url_for("auth.api_tokens"))
