"""An event's own registration questions: each one a field of netzwerk/fields.py.

Organisers define them per event (stored as JSON text on the Event, since properties hold no
maps); the public form, the answers page, the participant list and the exports all build the
question's `Field` and let its type parse and render the answer.
"""
import json
import re
from dataclasses import dataclass

from ..fields import Field
from ..i18n import lazy_gettext as _l

# the field types a question may have (keys of netzwerk.fields.TYPES) and how organisers call them
QUESTION_TYPES = (
    ("text", _l("Kurzer Text")),
    ("textarea", _l("Längerer Text")),
    ("choice", _l("Auswahl (eine Antwort)")),
    ("multi", _l("Mehrfachauswahl")),
    ("bool", _l("Ja/Nein")),
)
MAX_QUESTIONS = 20
MAX_CHOICES = 30
MAX_LABEL = 200
MAX_ANSWER = 1000
_KEY = re.compile(r"^[a-z0-9]{1,12}$")


@dataclass(frozen=True)
class Question:
    key: str          # stable within the event: answers are stored under it
    label: str
    type: str = "text"
    choices: tuple = ()
    required: bool = False

    @property
    def field(self):
        return Field(f"q_{self.key}", self.label, self.type,
                     choices=tuple((choice, choice) for choice in self.choices),
                     required=self.required, max_length=MAX_ANSWER)

    def as_dict(self):
        return {"key": self.key, "label": self.label, "type": self.type,
                "choices": list(self.choices), "required": self.required}


def load_questions(text):
    """The questions stored on an event (JSON text), or () when it has none."""
    if not text:
        return ()
    try:
        items = json.loads(text)
    except (TypeError, ValueError):
        return ()
    types = {key for key, _ in QUESTION_TYPES}
    return tuple(Question(str(item["key"]), str(item["label"]), item["type"] if item.get("type") in types else "text",
                          tuple(str(c) for c in item.get("choices") or ()), bool(item.get("required")))
                 for item in items if isinstance(item, dict) and item.get("key") and item.get("label"))


def dump_questions(questions):
    return json.dumps([q.as_dict() for q in questions], ensure_ascii=False)


def answers_text(questions, answers):
    """[(label, answer as people read it)] for pages, e-mails and exports."""
    return [(q.label, q.field.text(answers.get(q.key))) for q in questions]
