"""The base form: Flask-WTF with WTForms' own messages in German."""
from flask_wtf import FlaskForm

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


class Form(FlaskForm):
    class Meta:
        def get_translations(self, form):
            return _Messages()

