"""Consent records of the network's people: which text, which version, when and how given, and
the withdrawal (when, by whom, how). Plain data in, plain data out; the texts in netzwerk/consent.py."""
import uuid

from .. import consent
from ..clock import now_iso
from ..errors import DomainError, NotFound

MAX_EVIDENCE = 500


def records(store, person_uid):
    rows = store.read("consents/list_person_consents", person=person_uid)
    for row in rows:
        row["text"] = consent.text_of(row["purpose"], row["version"])
        row["active"] = not row["withdrawn_at"]
    return rows


def state(rows):
    """'given' (an active record), 'withdrawn' (records, none active) or None (no record)."""
    if not rows:
        return None
    return "given" if any(row["active"] for row in rows) else "withdrawn"


def record(store, person_uid, *, how, given_at, evidence, by, purpose="person"):
    """A new consent record for the current text of `purpose`; its uid."""
    if how not in consent.HOWS:
        raise DomainError("Bitte angeben, wie die Einwilligung gegeben wurde.")
    evidence = (evidence or "").strip()
    if len(evidence) > MAX_EVIDENCE:
        raise DomainError("Der Nachweis ist zu lang (höchstens {n} Zeichen).", n=MAX_EVIDENCE)
    if how == "manual" and not evidence:
        raise DomainError("Bei einer eingetragenen Einwilligung bitte den Nachweis angeben "
                          "(z. B. „unterschriebener Bogen vom 3. März, im Ordner Netzwerk“).")
    version, _text = consent.current(purpose)
    rows = store.write("consents/create_person_consent", person=person_uid, consent={
        "uid": str(uuid.uuid4()), "purpose": purpose, "version": version, "how": how,
        "evidence": evidence, "given_at": given_at, "recorded_at": now_iso(), "recorded_by": by})
    if not rows:
        raise NotFound("Diese Person gibt es nicht.")
    return rows[0]["uid"]


def withdraw(store, person_uid, *, how, note, by):
    """Withdraws every active consent record of the person; how many."""
    if how not in consent.WITHDRAWN_HOWS:
        raise DomainError("Bitte angeben, wie der Widerruf kam.")
    note = (note or "").strip()[:MAX_EVIDENCE]
    return len(store.write("consents/withdraw_person_consent", person=person_uid, now=now_iso(), by=by,
                           how=how, note=note))
