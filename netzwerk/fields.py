"""Field types: each type is one class that checks and parses a value, builds its form field,
describes it in JSON Schema, and renders it for pages, spreadsheets and the history.

The web form, the API, the spreadsheet import and the seed all go through `Field.parse`
(typed input: JSON values, form data) or `Field.parse_text` (one spreadsheet cell), so the
same field follows the same rule everywhere, with the same German message. No other module
branches on a field's type (Indico's registration field classes are the model).
"""
import difflib
from functools import lru_cache
import re
from dataclasses import dataclass, field as dataclass_field
from datetime import date, datetime

from email_validator import EmailNotValidError, validate_email
from markupsafe import Markup, escape
from wtforms import (BooleanField, EmailField, SelectField, SelectMultipleField, StringField,
                     TextAreaField, widgets)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation

from .i18n import current_language, gettext, gettext_in, lazy_gettext
from .text import fold
from .vocabularies import ALIASES, BUILTIN, added_terms

LIST_SEPARATOR = ";"
MAX_TAGS = 30
MAX_TAG_LENGTH = 80
# control characters never belong in stored text; NUL breaks the databases' string handling
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f]")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", re.I)
_YES = {"ja", "yes", "true", "1", "x", "wahr"}
_NO = {"nein", "no", "false", "0", "", "falsch"}


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes: easier with keyboard and screen reader than a multi-select."""
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class FieldError(ValueError):
    """A value a field refuses; the message is German (English in the English UI)."""

    def __init__(self, message, **values):
        self.message, self.values = message, values
        super().__init__(message)

    def __str__(self):
        values = {k: gettext(v) if k == "label" else v for k, v in self.values.items()}
        return gettext(self.message, **values)


def _surrogate_free(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise FieldError("Der Text enthält ungültige Zeichen.") from None
    return text


class FieldType:
    """Plain one-line text: the base of every type."""

    key = "text"
    is_list = False
    multiline = False

    # --- input -------------------------------------------------------------------------
    def parse(self, spec, value):
        """A typed value (JSON, form data) -> the stored value, or None; FieldError if wrong."""
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise FieldError("„{label}“ muss ein Text sein.", label=spec.label)
        return self.parse_string(spec, value)

    def parse_text(self, spec, text):
        """One spreadsheet cell (always text) -> the stored value."""
        return self.parse(spec, text)

    def parse_string(self, spec, text):
        text = _surrogate_free(text).strip()
        pattern = _CONTROL if self.multiline else _CONTROL_IN_LINE
        if pattern.search(text):
            raise FieldError("„{label}“ enthält Steuerzeichen.", label=spec.label)
        if len(text) > spec.max_length:
            raise FieldError("„{label}“ ist länger als {max} Zeichen.", label=spec.label, max=spec.max_length)
        return text or None

    # --- output ------------------------------------------------------------------------
    def text(self, spec, value):
        """The value as people read it, as plain text: spreadsheets, e-mails, history."""
        if value is None:
            return ""
        return str(value)

    def html(self, spec, value):
        """The value on a page: escaped text (links where the type makes one)."""
        return escape(self.text(spec, value))

    def form_value(self, spec, value):
        """What the form field shows for a stored value."""
        return value

    def bind(self, spec, bound):
        """Prepares a form's bound field for this request (e.g. the choices as of now)."""

    # --- descriptions -------------------------------------------------------------------
    def schema(self, spec):
        return {"type": "string", "maxLength": spec.max_length}

    def form_field(self, spec, label, validators, description):

        return StringField(label, validators, description=description)


class TextArea(FieldType):
    key = "textarea"
    multiline = True

    def form_field(self, spec, label, validators, description):

        return TextAreaField(label, validators, description=description)


class Markdown(TextArea):
    """Formatted text (guiding questions, theses): a safe subset of Markdown, stored as typed.

    Rendered by markdown-it-py with raw HTML off and images off, then cleaned by nh3 (an
    allow-list of tags and of link schemes), so typed HTML shows as text and no script runs.
    """

    key = "markdown"
    TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "code",
            "pre", "a", "hr"}

    def html(self, spec, value):
        if not value:
            return escape("")
        from markdown_it import MarkdownIt
        import nh3
        renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(["image"])
        rendered = renderer.render(value)
        # headings start one level below the page's own h1/h2
        for level in (3, 2, 1):
            rendered = rendered.replace(f"<h{level}>", f"<h{level + 1}>").replace(f"</h{level}>", f"</h{level + 1}>")
        return Markup(nh3.clean(rendered, tags=self.TAGS, attributes={"a": {"href"}},
                                url_schemes={"http", "https", "mailto"},
                                link_rel="noopener noreferrer nofollow"))

    def schema(self, spec):
        return {"type": "string", "maxLength": spec.max_length, "contentMediaType": "text/markdown"}


class Choice(FieldType):
    """One of the field's choices: stored as the code, shown as its label."""

    key = "choice"

    def _lookup(self, spec):
        """Folded code, German label, English label and aliases -> code."""
        lookup = {fold(alias): code for alias, code in spec.aliases().items()}
        for code, label, english in spec.terms():
            lookup[fold(str(code))] = code
            lookup[fold(label)] = code
            lookup.setdefault(fold(english or gettext_in("en", label)), code)
        return lookup

    def parse(self, spec, value):
        if value is None or value == "":
            return None
        codes = [code for code, _, _ in spec.terms()]
        if value in codes and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self.parse_text(spec, value)
        raise self._unknown(spec, value)

    def parse_text(self, spec, text):
        text = _surrogate_free(text or "").strip()
        if not text:
            return None
        lookup = self._lookup(spec)
        if fold(text) not in lookup:
            raise self._unknown(spec, text)
        return lookup[fold(text)]

    def _unknown(self, spec, value):
        terms = spec.terms()
        labels = {fold(label): label for _, label, _ in terms}
        close = difflib.get_close_matches(fold(str(value)), list(labels), n=1, cutoff=0.75)
        if close:
            return FieldError("„{value}“ ist kein gültiger Wert für „{label}“ – meinten Sie „{suggestion}“?",
                              value=str(value)[:80], label=spec.label, suggestion=labels[close[0]])
        if len(terms) > 12:  # a long vocabulary: no list of every term in the message
            return FieldError("„{value}“ ist kein gültiger Wert für „{label}“.", value=str(value)[:80],
                              label=spec.label)
        allowed = ", ".join(spec.choice_label(code) for code, _, _ in terms)
        return FieldError("„{value}“ ist kein gültiger Wert für „{label}“ (erlaubt: {allowed}).",
                          value=str(value)[:80], label=spec.label, allowed=allowed)

    def text(self, spec, value):
        if value is None:
            return ""
        return spec.choice_label(value)

    def form_value(self, spec, value):
        return "" if value is None else str(value)

    def bind(self, spec, bound):
        # the form class is built once, with the built-in choices; admins' terms join per request
        bound.choices = [SelectChoice("", gettext("– bitte wählen –"))] + [
            SelectChoice(str(code), label) for code, label in spec.options()]

    def schema(self, spec):
        return {"enum": [code for code, _, _ in spec.terms()]}

    def form_field(self, spec, label, validators, description):

        choices = [SelectChoice("", lazy_gettext("– bitte wählen –"))] + [
            SelectChoice(str(code), lazy_gettext(text)) for code, text in spec.choices]
        return SelectField(label, validators, choices=choices, description=description,
                           validate_choice=False)


class ListType(FieldType):
    """A list of values; in a spreadsheet cell separated by semicolons."""

    is_list = True

    def parse(self, spec, value):
        if value is None or value == "" or value == []:
            return None
        if isinstance(value, str):
            return self.parse_text(spec, value)
        if not isinstance(value, (list, tuple)):
            raise FieldError("„{label}“ muss eine Liste sein.", label=spec.label)
        return self.parse_items(spec, list(value))

    def parse_text(self, spec, text):
        parts = [part.strip() for part in (text or "").split(LIST_SEPARATOR)]
        return self.parse_items(spec, [part for part in parts if part])

    def parse_items(self, spec, items):
        raise NotImplementedError

    def text(self, spec, value):
        return f"{LIST_SEPARATOR} ".join(self.item_text(spec, v) for v in value or [])

    def html(self, spec, value):
        # on a page a comma reads better; the semicolon is for spreadsheet cells
        return escape(", ".join(self.item_text(spec, v) for v in value or []))

    def item_text(self, spec, value):
        return str(value)


class MultiChoice(ListType):
    key = "multi"

    def parse_items(self, spec, items):
        choice = Choice()
        codes = []
        for item in items:
            code = choice.parse(spec, item)
            if code is not None and code not in codes:
                codes.append(code)
        return codes or None

    def item_text(self, spec, value):
        return Choice().text(spec, value)

    def form_value(self, spec, value):
        return [str(v) for v in value or []]

    def bind(self, spec, bound):
        bound.choices = [SelectChoice(str(code), label) for code, label in spec.options()]

    def schema(self, spec):
        return {"type": "array", "items": {"enum": [code for code, _, _ in spec.terms()]}, "uniqueItems": True}

    def form_field(self, spec, label, validators, description):
        return CheckboxesField(label, validators, description=description, validate_choice=False,
                               choices=[SelectChoice(str(code), lazy_gettext(text)) for code, text in spec.choices])


class Tags(ListType):
    """Free words, several per field ("Deutsch; Arabisch"): capped in number and length."""

    key = "tags"

    def parse_items(self, spec, items):
        if len(items) > MAX_TAGS:
            raise FieldError("„{label}“: höchstens {max} Einträge.", label=spec.label, max=MAX_TAGS)
        values, seen = [], set()
        for item in items:
            if not isinstance(item, str):
                raise FieldError("„{label}“ muss eine Liste von Texten sein.", label=spec.label)
            text = _surrogate_free(item).strip()
            if _CONTROL_IN_LINE.search(text):
                raise FieldError("„{label}“ enthält Steuerzeichen.", label=spec.label)
            if len(text) > MAX_TAG_LENGTH:
                raise FieldError("„{label}“: jeder Eintrag höchstens {max} Zeichen.", label=spec.label,
                                 max=MAX_TAG_LENGTH)
            if text and fold(text) in seen:
                raise FieldError("„{label}“: bitte jeden Wert nur einmal angeben.", label=spec.label)
            if text:
                seen.add(fold(text))
                values.append(text)
        return values or None

    def form_value(self, spec, value):
        return f"{LIST_SEPARATOR} ".join(value or [])

    def schema(self, spec):
        return {"type": "array", "maxItems": MAX_TAGS,
                "items": {"type": "string", "maxLength": MAX_TAG_LENGTH}}


class Number(FieldType):
    """A whole number from 0 up."""

    key = "int"
    maximum = 10_000_000

    def parse(self, spec, value):
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise FieldError("„{label}“ muss eine ganze Zahl sein.", label=spec.label)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str):
            text = value.strip().replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", value.strip()) else value.strip()
            try:
                value = int(text)
            except ValueError:
                raise FieldError("„{label}“ muss eine ganze Zahl sein, nicht „{value}“.",
                                 label=spec.label, value=value[:40]) from None
        if not isinstance(value, int):
            raise FieldError("„{label}“ muss eine ganze Zahl sein.", label=spec.label)
        if not 0 <= value <= self.maximum:
            raise FieldError("„{label}“ muss zwischen 0 und {max} liegen.", label=spec.label, max=self.maximum)
        return value

    def form_value(self, spec, value):
        return "" if value is None else str(value)

    def schema(self, spec):
        return {"type": "integer", "minimum": 0, "maximum": self.maximum}

    def form_field(self, spec, label, validators, description):

        return StringField(label, validators, description=description,
                           render_kw={"inputmode": "numeric"})


@lru_cache(maxsize=4096)
def email_syntax_valid(text):
    """email-validator's syntax check (no DNS), remembered: a registration passes one address
    through the form, the field and the service, and the check is the costliest step of the three."""
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


class Email(FieldType):
    key = "email"

    def parse_string(self, spec, text):
        text = super().parse_string(spec, text)
        if text is None:
            return None
        if not email_syntax_valid(text):
            raise FieldError("„{value}“ ist keine gültige E-Mail-Adresse.", value=text[:80])
        return text

    def html(self, spec, value):
        return Markup('<a href="mailto:{0}">{0}</a>').format(value) if value else escape("")

    def schema(self, spec):
        return {"type": "string", "format": "email", "maxLength": spec.max_length}

    def form_field(self, spec, label, validators, description):

        return EmailField(label, validators, description=description)


class Url(FieldType):
    """A web address; "caritas-dortmund.de" is completed to "https://caritas-dortmund.de"."""

    key = "url"

    def parse_string(self, spec, text):
        text = super().parse_string(spec, text)
        if text is None:
            return None
        if "://" not in text:
            text = "https://" + text
        scheme, _, rest = text.partition("://")
        host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
        if scheme.lower() not in ("http", "https") or not _HOST.match(host) or " " in text:
            raise FieldError("„{value}“ ist keine gültige Web-Adresse (z. B. https://beispiel.de).",
                             value=text[:80])
        return text

    def html(self, spec, value):
        if not value:
            return escape("")
        return Markup('<a href="{0}" rel="noopener noreferrer">{0}</a>').format(value)

    def schema(self, spec):
        return {"type": "string", "format": "uri", "maxLength": spec.max_length}

    def form_field(self, spec, label, validators, description):
        # not type=url: the browser would refuse "caritas-dortmund.de"
        return StringField(label, validators, description=description, render_kw={"inputmode": "url"})


class Time(FieldType):
    """A time of day, stored as "08:30"; "8:30" and "8.30" are understood."""

    key = "time"

    def parse_string(self, spec, text):
        text = super().parse_string(spec, text)
        if text is None:
            return None
        match = _TIME.match(text)
        if not match:
            raise FieldError("„{label}“ muss eine Uhrzeit wie 08:30 sein.", label=spec.label)
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def schema(self, spec):
        return {"type": "string", "pattern": "^([01]\\d|2[0-3]):[0-5]\\d$"}

    def form_field(self, spec, label, validators, description):

        return StringField(label, validators, description=description, render_kw={"type": "time"})


class Date(FieldType):
    """A day, stored as "2016-06-16"; "16.06.2016" is understood."""

    key = "date"

    def parse_string(self, spec, text):
        text = super().parse_string(spec, text)
        if text is None:
            return None
        for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        raise FieldError("„{label}“ muss ein Datum wie 16.06.2016 sein.", label=spec.label)

    def text(self, spec, value):
        return date.fromisoformat(value).strftime("%d.%m.%Y") if value else ""

    def schema(self, spec):
        return {"type": "string", "format": "date"}

    def form_field(self, spec, label, validators, description):

        return StringField(label, validators, description=description, render_kw={"type": "date"})


class DateTime(FieldType):
    """A day and time (local time, Europe/Berlin), stored as "2016-06-16T10:30"."""

    key = "datetime"

    def parse_string(self, spec, text):
        text = super().parse_string(spec, text)
        if text is None:
            return None
        for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M"):
            try:
                return datetime.strptime(text, pattern).strftime("%Y-%m-%dT%H:%M")
            except ValueError:
                continue
        raise FieldError("„{label}“ muss Datum und Uhrzeit sein, z. B. 16.06.2016 10:30.", label=spec.label)

    def text(self, spec, value):
        return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M") if value else ""

    def schema(self, spec):
        return {"type": "string", "pattern": "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d$"}

    def form_field(self, spec, label, validators, description):

        return StringField(label, validators, description=description,
                           render_kw={"type": "datetime-local"})


class YesNo(FieldType):
    """Yes or no; a missing answer is no."""

    key = "bool"

    def parse(self, spec, value):
        if isinstance(value, bool):
            return value
        if value is None:
            return False
        if isinstance(value, str):
            return self.parse_text(spec, value)
        raise FieldError("„{label}“ muss ja oder nein sein.", label=spec.label)

    def parse_text(self, spec, text):
        word = fold(text or "")
        if word in _YES:
            return True
        if word in _NO:
            return False
        raise FieldError("„{label}“ muss ja oder nein sein.", label=spec.label)

    def text(self, spec, value):
        return gettext("ja") if value else gettext("nein")

    def schema(self, spec):
        return {"type": "boolean"}

    def form_field(self, spec, label, validators, description):

        return BooleanField(label, description=description)


class Recurrence(FieldType):
    """A recurrence rule as in iCalendar (RFC 5545 RRULE), e.g. "FREQ=WEEKLY;BYDAY=TU" (weekly on
    Tuesdays), stored upper-case without "RRULE:"; checked by python-dateutil's rrule. Days,
    weeks, months and years only: nothing repeats more often than daily. The first date comes
    from elsewhere (a series' first event), so DTSTART is not part of it."""

    key = "rrule"
    FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")

    def parse_string(self, spec, text):
        text = super().parse_string(spec, text)
        if text is None:
            return None
        text = re.sub(r"\s+", "", text).upper()
        if text.startswith("RRULE:"):
            text = text[len("RRULE:"):]
        parts = dict(part.partition("=")[::2] for part in text.split(";") if part)
        if parts.get("FREQ") not in self.FREQUENCIES or "DTSTART" in text or "\n" in text:
            raise FieldError("„{label}“: bitte eine Regel wie FREQ=WEEKLY;BYDAY=TU (wöchentlich dienstags).",
                             label=spec.label)
        from dateutil.rrule import rrulestr
        try:
            rrulestr(text, dtstart=datetime(2026, 1, 1))
        except (ValueError, TypeError, KeyError):
            raise FieldError("„{label}“: bitte eine Regel wie FREQ=WEEKLY;BYDAY=TU (wöchentlich dienstags).",
                             label=spec.label) from None
        return text

    def schema(self, spec):
        return {"type": "string", "maxLength": spec.max_length,
                "description": "iCalendar RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=TU"}


TYPES = {cls.key: cls() for cls in (FieldType, TextArea, Markdown, Choice, MultiChoice, Tags, Number, Email,
                                    Url, Time, Date, DateTime, YesNo, Recurrence)}


@dataclass(frozen=True)
class Field:
    """One field of a kind (or of a link, or of an event's question form)."""

    name: str
    label: str
    type: str = "text"  # a key of TYPES
    choices: tuple = ()
    required: bool = False
    private: bool = False  # personal contact data: only for roles with contacts.read
    description: str = ""
    max_length: int = 200
    vocabulary: str = ""  # a key of vocabularies.BUILTIN: its terms (and admins' additions) are the choices
    row: bool = True  # a row on the entry's page and a spreadsheet column (the demo flag is neither)
    extra: dict = dataclass_field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"unknown field type {self.type!r} for {self.name}")
        if self.vocabulary:  # frozen: set once, here
            if not self.choices:
                object.__setattr__(self, "choices", BUILTIN[self.vocabulary])
            if "aliases" not in self.extra:
                object.__setattr__(self, "extra", {**self.extra, "aliases": ALIASES[self.vocabulary]})

    @property
    def kind(self):
        return TYPES[self.type]

    @property
    def is_list(self):
        return self.kind.is_list

    def terms(self):
        """(code, German label, English label or None) of every choice: the built-in ones (their
        English is in the catalogue), then the terms admins added to the field's vocabulary."""
        terms = [(code, label, None) for code, label in self.choices]
        if self.vocabulary:
            terms += [(t.code, t.de, t.en or t.de) for t in added_terms(self.vocabulary).values()]
        return terms

    def aliases(self):
        """Other words for a choice (folded when matched) -> its code."""
        aliases = dict(self.extra.get("aliases", {}))
        if self.vocabulary:
            for term in added_terms(self.vocabulary).values():
                for alias in term.aliases:
                    aliases.setdefault(alias, term.code)
        return aliases

    def choice_label(self, code):
        """A choice's label in the UI's language (an unknown code as it is)."""
        if self.vocabulary:
            term = added_terms(self.vocabulary).get(code)
            if term is not None:
                return term.en if term.en and current_language() == "en" else term.de
        labels = self.__dict__.get("_labels")
        if labels is None:  # a list page asks for a label per cell: not a dict per call
            labels = dict(self.choices)
            object.__setattr__(self, "_labels", labels)  # frozen, but this is derived, not state
        return gettext(labels.get(code, str(code)))

    def options(self):
        """(code, label in the UI's language) of every choice: forms and list filters."""
        return [(code, self.choice_label(code)) for code, _, _ in self.terms()]

    def bind(self, bound):
        """Prepares a bound form field of this field for the request (see FieldType.bind)."""
        self.kind.bind(self, bound)

    def parse(self, value):
        """A typed input value -> the stored value; FieldError (German) when refused."""
        parsed = self.kind.parse(self, value)
        self._require(parsed)
        return parsed

    def parse_text(self, text):
        """One spreadsheet cell -> the stored value; FieldError (German) when refused."""
        parsed = self.kind.parse_text(self, text if isinstance(text, str) else str(text))
        self._require(parsed)
        return parsed

    def _require(self, parsed):
        if self.required and parsed in (None, [], ""):
            raise FieldError("„{label}“ fehlt.", label=self.label)

    def text(self, value):
        return self.kind.text(self, value)

    def html(self, value):
        if value is None or value == [] or value == "":
            return Markup('<span class="muted">–</span>')
        return self.kind.html(self, value)

    def phrase(self, value):
        """The value in a sentence, e.g. a link property: "seit 2018" (extra "phrase": "seit {value}")."""
        text, phrase = self.text(value), self.extra.get("phrase")
        return gettext(phrase, value=text) if phrase else text

    def schema(self):
        schema = {**self.kind.schema(self), "title": self.label}
        if self.description:
            schema["description"] = self.description
        return schema

    def form_field(self):
        """The unbound WTForms field; its validation is `parse`, as everywhere else."""
        description = lazy_gettext(self.description) if self.description else ""
        return self.kind.form_field(self, lazy_gettext(self.label), [_validate_with(self)], description)

    def form_value(self, value):
        return self.kind.form_value(self, value)


def _validate_with(spec):
    def validate(form, field):
        try:
            spec.parse(field.data)
        except FieldError as error:
            field.errors[:] = []
            raise StopValidation(str(error)) from None
    validate.field_flags = {"required": True} if spec.required else {}
    return validate


def value_html(spec, value):
    """A value as people read it, escaped: its field type renders it; link columns are name
    lists. A function, not a template macro: list pages call it for every cell."""
    if spec is not None:
        return spec.html(value)
    if value is None or value == "" or value == []:
        return Markup('<span class="muted">–</span>')
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def with_selected(rendered_options, selected):
    """Rendered <option>s (options_html with nothing selected) with one value selected: a
    list page renders its filter choices once and only marks the chosen one per request."""
    if selected is None or selected == "":
        return rendered_options
    value = escape(str(selected))
    return Markup(str(rendered_options).replace(
        '<option value="%s">' % value, '<option value="%s" selected>' % value, 1))


def options_html(options, selected):
    """The <option>s of a select, escaped: a filter may offer hundreds of districts, and a
    Python loop renders them several times faster than a template loop."""
    selected = "" if selected is None else str(selected)
    parts = []
    for value, label in options:
        value = "" if value is None else str(value)
        parts.append('<option value="%s"%s>%s</option>' % (
            escape(value), " selected" if value == selected else "", escape(label)))
    return Markup("".join(parts))
