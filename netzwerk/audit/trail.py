"""What views call to put an access on the audit log: the signed-in account (or the API key's
account) is the one who did it. Kept apart from service.py, which knows nothing of Flask."""
from flask import g
from flask_login import current_user

from ..store_access import store
from . import service


def _actor_uid():
    api_user = g.get("api_user")
    if api_user is not None:
        return api_user.uid
    return current_user.uid if current_user.is_authenticated else ""


def note(action, subject_kind, subject_uid, what):
    """Records one entry for the current account now (before the answer is sent)."""
    service.record(store(), _actor_uid(), action, subject_kind, subject_uid, what)


def note_many(entries):
    """Several (action, subject_kind, subject_uid, what) tuples in one statement."""
    service.record_many(store(), _actor_uid(), [service.Entry(*entry) for entry in entries])
