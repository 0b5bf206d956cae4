"""The one seam where privacy records its exports and erasures in the audit log.

trust-audit owns the audit log (AuditEntry nodes: uid, at, user_uid, action, subject_kind,
subject_uid, what; never names or values). Until its service is merged this function only logs
a line; the lead replaces its body with a call to that service. Nothing else here writes audit
entries.
"""
import logging

log = logging.getLogger("netzwerk.privacy")


def record_audit(user_uid, action, subject_kind, subject_uid, what):
    """action: export | erase | view; what: a short code (person, participant)."""
    log.info("audit %s %s %s:%s by %s", action, what, subject_kind, subject_uid, user_uid)
