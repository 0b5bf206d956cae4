"""Text helpers shared by search and seed: folding for umlaut-tolerant search, stable ids."""
import unicodedata
import uuid

_SEED_NAMESPACE = uuid.UUID("8d0f3f4e-5a8b-4b9e-9c55-3f0e2a7c1d10")
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def fold(text):
    """Lower case without accents, ß as ss, and ae/oe/ue as a/o/u.

    Applied to both the stored text and the query, so "Düsternort" is found by
    "dusternort", "duesternort" and "düster".
    """
    text = (text or "").casefold()
    if not text.isascii():  # most names are ASCII: no accents to take off (a list page folds ~100)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    for digraph, vowel in _DIGRAPHS:
        text = text.replace(digraph, vowel)
    return " ".join(text.split())


def search_text(*parts):
    """The folded text a node is searched by (name, description, ...)."""
    return fold(" ".join(p for p in parts if p))


def seed_uid(label, key):
    """A stable uid for a seeded node: loading the seed twice gives the same nodes."""
    return str(uuid.uuid5(_SEED_NAMESPACE, f"{label}:{key}"))


def new_uid():
    return str(uuid.uuid4())
