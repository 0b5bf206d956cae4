"""Login and password forms."""
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from ..forms import Form
from ..i18n import lazy_gettext as _l
from .service import MIN_PASSWORD_LENGTH


class LoginForm(Form):
    email = EmailField(_l("E-Mail"), validators=[
        DataRequired(_l("Bitte geben Sie Ihre E-Mail-Adresse ein.")),
        Email(_l("Bitte geben Sie eine gültige E-Mail-Adresse ein."), check_deliverability=False)],
        render_kw={"autocomplete": "username", "autofocus": True})
    password = PasswordField(_l("Passwort"), validators=[
        DataRequired(_l("Bitte geben Sie Ihr Passwort ein."))],
        render_kw={"autocomplete": "current-password"})
    submit = SubmitField(_l("Anmelden"))


class ChangePasswordForm(Form):
    current = PasswordField(_l("Aktuelles Passwort"), validators=[
        DataRequired(_l("Bitte geben Sie Ihr Passwort ein."))],
        render_kw={"autocomplete": "current-password"})
    new = PasswordField(_l("Neues Passwort"), description=_l("Mindestens 12 Zeichen."), validators=[
        DataRequired(_l("Das Passwort muss mindestens 12 Zeichen lang sein.")),
        Length(min=MIN_PASSWORD_LENGTH, message=_l("Das Passwort muss mindestens 12 Zeichen lang sein."))],
        render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Neues Passwort wiederholen"), validators=[
        EqualTo("new", _l("Die Passwörter stimmen nicht überein."))],
        render_kw={"autocomplete": "new-password"})
    submit = SubmitField(_l("Speichern"))


class TokenForm(Form):
    name = StringField(_l("Wofür ist der Schlüssel?"), validators=[
        DataRequired(_l("Bitte einen Namen angeben, z. B. „Auswertung Sozialamt“.")), Length(max=80)],
        description=_l("Der Schlüssel hat die Rechte Ihrer Rolle. Er wird nur einmal angezeigt."))
    # asked again: a session left open must not be enough to create a lasting key
    password = PasswordField(_l("Ihr Passwort"), validators=[
        DataRequired(_l("Bitte geben Sie Ihr Passwort ein."))],
        description=_l("Zur Sicherheit fragen wir vor jedem neuen Schlüssel nach Ihrem Passwort."),
        render_kw={"autocomplete": "current-password"})
    submit = SubmitField(_l("Schlüssel erzeugen"))
