"""Forms of the data protection pages: the search, the download, and the erasure's confirmation."""
from wtforms import BooleanField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from ..forms import Form
from ..i18n import lazy_gettext as _l


class SearchForm(Form):
    q = StringField(_l("Name oder E-Mail-Adresse"), validators=[
        DataRequired(_l("Bitte einen Namen oder eine E-Mail-Adresse eingeben.")), Length(max=200)],
        description=_l("Gesucht wird in Personen, Anmeldungen und Zugängen. Die Suche steht nicht in der Adresse "
                       "der Seite und nicht in Protokollen."))
    submit = SubmitField(_l("Suchen"))


class DownloadForm(Form):
    submit = SubmitField(_l("Auskunft als JSON herunterladen"))


class EraseForm(Form):
    confirm = BooleanField(_l("Ich habe geprüft, dass die Löschung verlangt und zulässig ist (keine "
                              "Aufbewahrungspflicht steht entgegen)."),
                           validators=[DataRequired(_l("Bitte bestätigen Sie die Prüfung."))])
    # asked again, as before an API key: a session left open must not be enough to erase someone
    password = PasswordField(_l("Ihr Passwort"), validators=[
        DataRequired(_l("Bitte geben Sie Ihr Passwort ein."))],
        description=_l("Zur Sicherheit fragen wir vor jeder Löschung nach Ihrem Passwort."),
        render_kw={"autocomplete": "current-password"})
    submit = SubmitField(_l("Endgültig löschen"))
