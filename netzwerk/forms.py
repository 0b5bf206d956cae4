"""The base form: Flask-WTF with WTForms' own messages in German, and a one-time token."""
import secrets

from flask import g, has_request_context, request
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField
from wtforms.fields.core import UnboundField

from .i18n import current_language

# WTForms' built-in messages, in German (the English originals are the keys)
GERMAN = {
    "This field is required.": "Bitte ausfüllen.",
    "Not a valid integer value.": "Bitte eine ganze Zahl eingeben.",
    "Not a valid choice.": "Bitte eine gültige Auswahl treffen.",
    "Not a valid decimal value.": "Bitte eine Zahl eingeben.",
    "Invalid email address.": "Bitte eine gültige E-Mail-Adresse eingeben.",
    "Invalid URL.": "Bitte eine vollständige Adresse mit https:// eingeben.",
    "Invalid input.": "Ungültige Eingabe.",
    "'%(value)s' is not a valid choice for this field.": "„%(value)s“ ist hier keine gültige Auswahl.",
    "'%(value)s' are not valid choices for this field.": "„%(value)s“ sind hier keine gültige Auswahl.",
    "The CSRF token is missing.": "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.",
    "The CSRF token has expired.": "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.",
    "The CSRF token is invalid.": "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.",
}


class _Messages:
    def gettext(self, text):
        german = GERMAN.get(text, text)
        return german if current_language() == "de" else text

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


def new_form_token():
    return secrets.token_urlsafe(16)


class Form(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return _Messages()

    # one-time token: a form sent twice (double click, resent after "outcome unknown") creates
    # once; the second submission shows the first one's result (netzwerk/submissions)
    form_token = HiddenField(default=new_form_token)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if has_request_context() and self.is_submitted():
            # if the database fails while this submission is handled, the 503 page shows this
            # form again, filled in (errors.py): the user's input is not lost
            g.setdefault("submitted_forms", []).append(self)


def submitted_form():
    """Of the forms this POST built, the one whose fields it sent most of (a page may build
    a small confirmation form beside its main one), or None."""
    forms = g.get("submitted_forms") or []
    sent = set(request.form)
    return max(forms, key=lambda form: sum(f.name in sent for f in form), default=None)



def secret_field_names():
    """Names of the password fields of every form: never shown again on a page."""
    names, classes = set(), [Form]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        names.update(name for name, attr in vars(cls).items()
                     if isinstance(attr, UnboundField) and issubclass(attr.field_class, PasswordField))
    return names
