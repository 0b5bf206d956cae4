"""Every message a user reads has its English translation (the German text is the message id).

Extracts the messages the way `make translations` does (babel.cfg and the keywords of
netzwerk/i18n.py: _, gettext, ngettext, lazy_gettext, _l, and the domain errors whose
messages are translated when shown), adds the model's labels and vocabularies, and fails
on any of them missing from netzwerk/translations/en/LC_MESSAGES/messages.po.
"""
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from netzwerk.config import PROJECT_ROOT
from netzwerk.i18n import EXTRACT_KEYWORDS, TRANSLATIONS

PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"


def extracted():
    messages = set()
    method_map = [("netzwerk/**.py", "python"), ("templates/**.html", "jinja2")]
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(PROJECT_ROOT), method_map=method_map, keywords=EXTRACT_KEYWORDS):
        text = message[0] if isinstance(message, tuple) else message  # a plural: its singular is the id
        if text and not text.startswith(("http", "/")):
            messages.add(text)
    return messages


def model_texts():
    from netzwerk.register.model import COLUMN_LABELS, KINDS, LINKS
    texts = set(COLUMN_LABELS.values())
    for kind in KINDS.values():
        texts |= {kind.singular, kind.plural}
        texts |= {spec.label for spec in kind.filters}
        for spec in kind.fields:
            texts |= {spec.label} | {label for _, label in spec.choices}
            texts |= {spec.description} if spec.description else set()
    for link in LINKS:
        texts |= {link.out_label, link.in_label}
        for spec in link.props:
            texts |= {spec.label} | {label for _, label in spec.choices}
            texts |= {spec.extra["phrase"]} if "phrase" in spec.extra else set()
            texts |= {spec.description} if spec.description else set()
    return texts


def catalogue():
    with open(PO, "rb") as handle:
        return read_po(handle, locale="en")


def test_every_message_has_english():
    translated = {message.id if isinstance(message.id, str) else message.id[0]: message
                  for message in catalogue() if message.id}
    missing = sorted(text for text in extracted() | model_texts()
                     if text not in translated or not translated[text].string
                     or (isinstance(translated[text].string, tuple) and not all(translated[text].string)))
    assert not missing, f"{len(missing)} messages without English:\n  " + "\n  ".join(missing[:60])


def test_plurals_and_formats_follow_the_language():
    from flask import Flask, session

    from netzwerk import i18n
    app = Flask(__name__)
    app.secret_key = "test"
    i18n.init_app(app)
    with app.test_request_context():
        assert i18n.ngettext("{count} Zeile kann nicht importiert werden", "{count} Zeilen können nicht importiert werden", 1) \
            == "1 Zeile kann nicht importiert werden"
        assert i18n.format_when("2026-11-23T11:57:23") == "23.11.2026, 11:57:23"
        assert i18n.format_number(0.25, 1) in ("0,2", "0,3")
        i18n.choose_language("en")  # the language is looked up once per request, so through this
        assert session["lang"] == "en"
        from flask_babel import refresh
        refresh()  # the locale is chosen once per request; the next request would see it anyway
        assert i18n.ngettext("{count} Zeile kann nicht importiert werden", "{count} Zeilen können nicht importiert werden", 3) \
            == "3 rows cannot be imported"
        assert i18n.format_when("2026-11-23T11:57:23") == "Nov 23, 2026, 11:57:23\u202fAM"
        assert i18n.gettext("Akteure") == "Actors"


def test_a_lazy_label_passed_to_gettext_comes_back_as_plain_text():
    """The memoised gettext once returned the lazy object itself, and escaping it recursed."""
    from markupsafe import escape
    from netzwerk.i18n import gettext, lazy_gettext
    label = lazy_gettext("Speichern")
    assert type(gettext(label)) is str
    assert str(escape(gettext(label))) == "Speichern" and str(escape(label)) == "Speichern"


def test_whole_numbers_read_as_babel_writes_them_in_both_languages():
    """format_number skips Babel below a thousand (tables have hundreds of counts): the
    shortcut must give what Babel gives, and grouping must still come from the locale."""
    from babel.numbers import format_decimal
    from flask import Flask
    from flask_babel import refresh

    from netzwerk import i18n
    app = Flask(__name__)
    app.secret_key = "test"
    i18n.init_app(app)
    with app.test_request_context():
        for language in ("de", "en"):
            i18n.choose_language(language)
            refresh()
            for value in (0, 1, 7, 42, 999, 1000, 12345, -3, 2.5):
                assert i18n.format_number(value) == format_decimal(value, locale=language), (language, value)
        assert i18n.format_number(12345) == "12,345" and i18n.format_number(None) == "–"
