"""Forms built from the register's model: one form class per kind, one per link."""
from functools import lru_cache

from wtforms.fields.choices import SelectChoice
from wtforms import (EmailField, HiddenField, IntegerField, SelectField, SelectMultipleField,
                     StringField, SubmitField, TextAreaField, URLField, widgets)
from wtforms.validators import (URL, DataRequired, Email, Length, NumberRange, Optional, Regexp,
                                ValidationError)

from ..forms import Form
from ..i18n import lazy_gettext as _l


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes: easier with keyboard and screen reader than a multi-select."""
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class TagsField(StringField):
    """A list typed as text, separated by semicolons: "Deutsch; Arabisch"."""

    def _value(self):
        if isinstance(self.data, (list, tuple)):
            return "; ".join(self.data)
        return self.data or ""

    def process_formdata(self, valuelist):
        text = valuelist[0] if valuelist else ""
        self.data = [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


def _optional_int(value):
    return int(value) if value not in ("", None) else None


def _no_duplicates(form, field):
    if len(set(field.data)) != len(field.data):
        raise ValidationError("Bitte jeden Wert nur einmal angeben.")


def make_field(spec):
    label = _l(spec.label)
    description = _l(spec.description) if spec.description else ""
    required = [DataRequired(_l("Bitte ausfüllen."))] if spec.required else [Optional()]
    length = Length(max=spec.max_length, message=_l("Höchstens %(max)d Zeichen."))
    if spec.type == "textarea":
        return TextAreaField(label, required + [length], description=description)
    if spec.type == "choice":
        choices = [SelectChoice("", _l("– bitte wählen –"))] + [SelectChoice(v, _l(l)) for v, l in spec.choices]
        numeric = all(isinstance(v, int) for v, _ in spec.choices)
        return SelectField(label, required, choices=choices, description=description,
                           validate_choice=True, coerce=_optional_int if numeric else str)
    if spec.type == "multi":
        return CheckboxesField(label, [Optional()], choices=[SelectChoice(v, _l(l)) for v, l in spec.choices],
                               description=description)
    if spec.type == "tags":
        return TagsField(label, [_no_duplicates], description=description)
    if spec.type == "int":
        return IntegerField(label, required + [NumberRange(min=0, max=10_000_000,
                            message=_l("Bitte eine Zahl ab 0 eingeben."))], description=description)
    if spec.type == "email":
        return EmailField(label, required + [length, Email(_l("Bitte eine gültige E-Mail-Adresse eingeben."),
                          check_deliverability=False)], description=description)
    if spec.type == "url":
        # http(s) only: a "javascript://" address would pass WTForms' URL check
        return URLField(label, required + [length, Regexp(r"(?i)^https?://", message=_l(
            "Bitte eine vollständige Adresse mit https:// eingeben.")), URL(message=_l(
            "Bitte eine vollständige Adresse mit https:// eingeben."))], description=description)
    if spec.type == "time":
        return StringField(label, required + [Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", message=_l(
            "Bitte als Uhrzeit im Format 08:30 eingeben."))], description=description)
    return StringField(label, required + [length], description=description)


@lru_cache(maxsize=None)
def entry_form_class(kind):
    attrs = {spec.name: make_field(spec) for spec in kind.fields}
    attrs["version"] = HiddenField()
    attrs["submit"] = SubmitField(_l("Speichern"))
    return type(f"{kind.label}Form", (Form,), attrs)


def entry_form(kind, entry=None, **kwargs):
    """The edit form of a kind, filled from an entry (its version travels along, hidden)."""
    data = None
    if entry is not None:
        data = {name: entry.get(name) for name in kind.field_names}
        data["version"] = entry.get("version")
    return entry_form_class(kind)(data=data, **kwargs)


def form_values(kind, form):
    return {spec.name: form[spec.name].data for spec in kind.fields}


@lru_cache(maxsize=None)
def link_form_class(link, direction):
    attrs = {"other": SelectField(_l("Eintrag"), [DataRequired(_l("Bitte einen Eintrag wählen."))],
                                  choices=[], validate_choice=True)}
    for spec in link.props:
        attrs[spec.name] = make_field(spec)
    attrs["submit"] = SubmitField(_l("Verbinden"))
    return type(f"Link{link.type.title()}{direction.title()}Form", (Form,), attrs)


def link_form(link, direction, options, **kwargs):
    form = link_form_class(link, direction)(**kwargs)
    form.other.choices = [SelectChoice("", _l("– bitte wählen –"))] + [SelectChoice(v, l) for v, l in options]
    return form


class ConfirmForm(Form):
    """A POST with nothing but the CSRF token: deletions and link removals."""
    submit = SubmitField(_l("Löschen"))
