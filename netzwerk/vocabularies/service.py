"""Terms admins add to a vocabulary: checked, stored as (:Term) nodes, renamed, removed when unused."""
import re
import unicodedata

from ..clock import now_iso
from ..errors import Conflict, DomainError, NotFound
from ..fields import FieldError, Field
from ..i18n import gettext, gettext_in, ngettext
from ..register.model import KINDS
from ..store import ConstraintViolation
from ..text import fold
from . import BUILTIN, NAMES, Term, added_terms, forget_added_terms

MAX_LABEL = 80
MAX_ALIASES = 10
_CODE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LABEL = Field("de", "Bezeichnung (deutsch)", required=True, max_length=MAX_LABEL)
_ENGLISH = Field("en", "Bezeichnung (englisch)", max_length=MAX_LABEL)


def code_from(label):
    """A code made from a German label: "Tamilisch (Sri Lanka)" -> "tamilisch-sri-lanka"."""
    text = unicodedata.normalize("NFKD", label.casefold().replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", text))[:40].strip("-")


def properties_of(vocabulary):
    """(list properties, single-value properties) of register entries that hold its codes."""
    lists, scalars = set(), set()
    for kind in KINDS.values():
        for spec in kind.fields:
            if spec.vocabulary == vocabulary:
                (lists if spec.is_list else scalars).add(spec.name)
    return sorted(lists), sorted(scalars)


class Vocabularies:
    def __init__(self, store):
        self.store = store

    def load(self):
        """Every added term: the loader behind vocabularies.added_terms (once per request)."""
        return [Term(row["vocabulary"], row["code"], row["de"], row["en"] or "", tuple(row["aliases"] or ()))
                for row in self.store.read("vocabularies/list_terms")]

    def overview(self):
        """Per vocabulary: its name, built-in terms [(code, de)] and added terms [Term]."""
        return [{"key": key, "name": NAMES[key], "builtin": BUILTIN[key],
                 "added": sorted(added_terms(key).values(), key=lambda t: fold(t.de))}
                for key in BUILTIN]

    # --- writing ------------------------------------------------------------------------
    def add(self, vocabulary, de, en="", code="", aliases="", by=""):
        """A new term; the code is made from the German label unless one is given."""
        self._vocabulary(vocabulary)
        de, en, aliases = self._labels(de, en, aliases)
        code = (code or "").strip().lower() or code_from(de)
        if not _CODE.match(code) or len(code) > 40:
            raise DomainError("Der Code „{code}“ ist ungültig: nur Kleinbuchstaben, Ziffern und Bindestriche, "
                              "höchstens 40 Zeichen.", code=code[:40])
        if code in dict(BUILTIN[vocabulary]) or code in added_terms(vocabulary):
            raise Conflict("Den Code „{code}“ gibt es in „{vocabulary}“ schon.", code=code,
                           vocabulary=gettext(NAMES[vocabulary]))
        self._unambiguous(vocabulary, code, [de, en, *aliases])
        try:
            self.store.write("vocabularies/create_term", vocabulary=vocabulary, code=code, de=de, en=en,
                             aliases=aliases, now=now_iso(), by=by)
        except ConstraintViolation:  # added at the same moment by someone else
            raise Conflict("Den Code „{code}“ gibt es in „{vocabulary}“ schon.", code=code,
                           vocabulary=gettext(NAMES[vocabulary])) from None
        forget_added_terms()
        return code

    def rename(self, vocabulary, code, de, en="", aliases="", by=""):
        """New labels (and aliases) for an added term; its code stays, so entries keep it."""
        self._added(vocabulary, code)
        de, en, aliases = self._labels(de, en, aliases)
        self._unambiguous(vocabulary, code, [de, en, *aliases])
        self.store.write("vocabularies/update_term", vocabulary=vocabulary, code=code, de=de, en=en,
                         aliases=aliases, now=now_iso(), by=by)
        forget_added_terms()

    def delete(self, vocabulary, code):
        """Removes an added term that no entry uses; a term in use can only be renamed."""
        term = self._added(vocabulary, code)
        lists, scalars = properties_of(vocabulary)
        uses = self.store.read_one("vocabularies/count_term_uses", code=code, list_properties=lists,
                                   scalar_properties=scalars)["uses"]
        if uses:
            raise Conflict(ngettext(
                "„{label}“ wird von {count} Eintrag verwendet und kann nicht gelöscht werden. "
                "Sie können den Begriff umbenennen.",
                "„{label}“ wird von {count} Einträgen verwendet und kann nicht gelöscht werden. "
                "Sie können den Begriff umbenennen.", uses, label=term.de))
        self.store.write("vocabularies/delete_term", vocabulary=vocabulary, code=code)
        forget_added_terms()

    # --- checks -------------------------------------------------------------------------
    @staticmethod
    def _vocabulary(vocabulary):
        if vocabulary not in BUILTIN:
            raise NotFound("Diese Wortliste gibt es nicht.")

    def _added(self, vocabulary, code):
        self._vocabulary(vocabulary)
        term = added_terms(vocabulary).get(code)
        if term is None:
            if code in dict(BUILTIN[vocabulary]):
                raise DomainError("Eingebaute Begriffe bleiben, wie sie sind.")
            raise NotFound("Diesen Begriff gibt es nicht.")
        return term

    @staticmethod
    def _labels(de, en, aliases):
        try:
            de, en = _LABEL.parse(de), _ENGLISH.parse(en) or ""
        except FieldError as error:
            raise DomainError(str(error)) from None
        words = [w.strip() for w in (aliases or "").split(";") if w.strip()]
        if len(words) > MAX_ALIASES or any(len(w) > MAX_LABEL or not w.isprintable() for w in words):
            raise DomainError("Höchstens {count} andere Schreibweisen, je höchstens {max} Zeichen.",
                              count=MAX_ALIASES, max=MAX_LABEL)
        return de, en, list(dict.fromkeys(words))

    @staticmethod
    def _unambiguous(vocabulary, code, words):
        """No label or alias may already stand for another term: imports match them by word."""
        spec = next(spec for kind in KINDS.values() for spec in kind.fields if spec.vocabulary == vocabulary)
        taken = {}
        for other, label, english in spec.terms():
            if other != code:
                for word in (str(other), label, english or gettext_in("en", label)):
                    taken.setdefault(fold(word), (other, label))
        for alias, other in spec.aliases().items():
            if other != code:
                taken.setdefault(fold(alias), (other, dict((c, l) for c, l, _ in spec.terms()).get(other, other)))
        for word in words:
            if word and fold(word) in taken:
                raise Conflict("„{word}“ steht in „{vocabulary}“ schon für „{label}“.", word=word,
                               vocabulary=gettext(NAMES[vocabulary]), label=taken[fold(word)][1])

