"""German first, English available: gettext catalogues through Flask-Babel.

The German text is the message id, so templates and code read naturally and a missing
English entry falls back to German instead of showing a code. Messages carry named
{placeholders} (str.format after translation), never f-strings. The catalogue is
netzwerk/translations/en/LC_MESSAGES/messages.po; `make translations` extracts new
messages (babel.cfg) and compiles it, and a test fails on any message without English.
"""
import threading
from contextlib import contextmanager
from pathlib import Path

from babel.support import Translations
from flask import has_request_context, session
from flask.globals import _cv_request
from flask_babel import Babel, force_locale, format_datetime, format_decimal

LANGUAGES = {"de": "Deutsch", "en": "English"}
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
babel = Babel()
# what `make translations` and the completeness test extract: the translation functions, and
# the domain errors whose German messages are translated when they are shown
EXTRACT_KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "_l": None, "ngettext": (1, 2),
                    "FieldError": None, "DomainError": None, "ImportFileError": None,
                    "BadInput": None, "Conflict": None, "NotFound": None, "Forbidden": None,
                    "Unauthorized": None, "FileRefused": None}


def init_app(app):
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    app.config["BABEL_DEFAULT_LOCALE"] = "de"
    app.config["BABEL_DEFAULT_TIMEZONE"] = "Europe/Berlin"
    babel.init_app(app, locale_selector=current_language)
    app.jinja_env.filters["when"] = format_when
    app.jinja_env.filters["number"] = format_number


_forced = threading.local()


def current_language():
    forced = getattr(_forced, "language", None)
    if forced:
        return forced
    context = _cv_request.get(None)
    if context is None:
        return "de"
    # looked up once per request and kept on its context: a page asks a few hundred times
    language = getattr(context, "netzwerk_language", None)
    if language is None:
        # German unless the user chose otherwise: the staff's browsers are often set to English
        chosen = session.get("lang")
        language = context.netzwerk_language = chosen if chosen in LANGUAGES else "de"
    return language


def choose_language(language):
    """Keeps the user's choice in the session; the rest of this request speaks it too."""
    session["lang"] = language
    context = _cv_request.get(None)
    if context is not None:
        context.netzwerk_language = None


@contextmanager
def in_language(language):
    """Messages, dates and numbers in this language whatever the request's (e.g. an e-mail)."""
    before = getattr(_forced, "language", None)
    _forced.language = language
    try:
        if has_request_context():
            with force_locale(language):
                yield
        else:
            yield
    finally:
        _forced.language = before


# The same .mo files Flask-Babel reads, looked up directly: a page translates a few hundred
# labels, and Flask-Babel's per-call context lookups cost more than the rest of rendering.
_catalogues = {}  # language -> Translations
_memo = {}        # (language, message) -> translation


def _catalogue(language):
    if language not in _catalogues:
        _catalogues[language] = Translations.load(str(TRANSLATIONS), [language])
    return _catalogues[language]


def gettext(text, **values):
    """The message in the UI's language, its {placeholders} filled."""
    if isinstance(text, _LazyText):  # a lazy label passed on: its text, or it would come back lazy
        text = str.__str__(text)
    language = current_language()
    translated = _memo.get((language, text))
    if translated is None:
        if len(_memo) > 20000:  # messages are few; this only bounds texts that are not messages
            _memo.clear()
        translated = _memo[(language, text)] = _catalogue(language).gettext(text)
    return translated.format(**values) if values else translated


def ngettext(singular, plural, count, **values):
    """Singular or plural by count (and the language's plural rule); {count} is filled too."""
    translated = _catalogue(current_language()).ngettext(singular, plural, count)
    return translated.format(count=count, **values)


def gettext_in(language, text):
    """The text in a given language, whatever the request's: e.g. to match English input."""
    return _catalogue(language).gettext(text)


def format_when(iso_text, style="medium"):
    """A stored ISO timestamp ("2026-11-23T11:57:23") in the UI's language and Berlin time.

    Besides Babel's styles: "time" (the time of day alone) and "day_time" (the weekday, the
    day in full and the time: "Donnerstag, 16. Juni 2016, 10:30", for events).
    """
    from datetime import datetime
    from flask_babel import format_date, format_time
    if not iso_text:
        return "–"
    try:
        moment = datetime.fromisoformat(str(iso_text))
    except ValueError:
        return str(iso_text)
    if len(str(iso_text)) == 10:  # a date alone
        return format_date(moment.date(), style)
    if style == "time":
        return format_time(moment, "short", rebase=False)
    if style == "day_time":
        return f"{format_date(moment.date(), 'full')}, {format_time(moment, 'short', rebase=False)}"
    # stored times are local (netzwerk/clock.py): no conversion, only formatting
    return format_datetime(moment, style, rebase=False)


def format_number(value, digits=None):
    if value is None:
        return "–"
    if digits is None and type(value) is int and 0 <= value < 1000:
        # the counts of every table: no grouping below a thousand in any locale we speak, and
        # Babel's pattern machinery costs ~30 µs a number (a matrix has hundreds)
        return str(value)
    if digits is not None:
        return format_decimal(round(value, digits), format="#,##0." + "0" * digits if digits else "#,##0")
    return format_decimal(value)


def lazy_gettext(text):
    """For form labels defined at import time: translated when rendered."""
    return _LazyText(text)


class _LazyText(str):
    __slots__ = ()

    def __str__(self):
        return gettext(str.__str__(self))

    def __mod__(self, values):
        return str(self) % values

    def __html__(self):
        from markupsafe import escape
        return str(escape(str(self)))
