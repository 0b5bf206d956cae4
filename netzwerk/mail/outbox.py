"""The outbox and its sender.

Messages are `:Message` nodes written by the statement that causes them (registration,
move-up, cancellation, invitation). `Outbox.deliver` claims the due ones, sends them over
one SMTP connection and marks each sent (deleting its secret link) or failed: a failed
message stays pending, its attempts counted, its next try pushed back exponentially
(30 s, 1 min, 2 min … at most 1 h). Nothing is dropped. Delivery is at least once: a message
sent while the database cannot record it is sent again on the next round.
"""
import smtplib
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from ..clock import now_iso, now_millis
from .render import render

FIRST_RETRY_MS = 30_000
LONGEST_RETRY_MS = 3_600_000
CLAIM_MS = 120_000  # a claimed message is due again after this long if its sender died


def backoff_ms(attempts):
    """The wait before the next try after `attempts` failed ones."""
    return min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** max(0, attempts - 1))


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    user: str = None
    password: str = None
    sender: str = "netzwerk@localhost"
    starttls: bool = True
    timeout: float = 10.0

    @classmethod
    def from_config(cls, config):
        """The settings of NETZWERK_SMTP_*, or None without a host (the outbox is then read in the app)."""
        get = config.get if isinstance(config, dict) else lambda k: getattr(config, k, None)
        if not get("SMTP_HOST"):
            return None
        return cls(get("SMTP_HOST"), int(get("SMTP_PORT") or 587), get("SMTP_USER"), get("SMTP_PASSWORD"),
                   get("SMTP_FROM") or "netzwerk@localhost", bool(get("SMTP_STARTTLS")))


def email_message(message, sender):
    subject, body = render(message)
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["From"] = sender
    mail["To"] = formataddr((message.get("to_name") or "", message["to_email"]))
    mail["Message-ID"] = make_msgid(idstring=message["uid"][:40])
    mail["X-Netzwerk-Message"] = message["uid"]
    mail.set_content(body)
    return mail


class Outbox:
    def __init__(self, store):
        self.store = store

    def event_messages(self, event_uid):
        """The event's messages; `to_person` marks those to a person of the register, whose
        address is a contact detail (coordinators and admins only)."""
        return [{**dict(row["message"]), "to_person": bool(row["to_person"])}
                for row in self.store.read("mail/list_event_messages", event=event_uid)]

    def mark_sent(self, uid, by):
        """Marks a pending message as sent (by the sender, or handed on by an organiser)."""
        return bool(self.store.write("mail/mark_message_sent", uid=uid, now=now_iso(), by=by))

    def deliver(self, settings, *, now_ms=None, limit=100):
        """One round: sends what is due. Returns {"sent": n, "failed": n}."""
        now = now_millis() if now_ms is None else now_ms
        rows = self.store.write("mail/claim_messages", now=now, claim_until=now + CLAIM_MS, limit=limit)
        messages = [dict(row["message"]) for row in rows]
        result = {"sent": 0, "failed": 0}
        if not messages:
            return result
        try:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        except (OSError, smtplib.SMTPException) as error:
            for message in messages:
                self._failed(message, f"SMTP nicht erreichbar: {error}", now)
            result["failed"] = len(messages)
            return result
        try:
            if settings.starttls:
                smtp.starttls()
            if settings.user:
                smtp.login(settings.user, settings.password or "")
            for message in messages:
                try:
                    smtp.send_message(email_message(message, settings.sender))
                except (OSError, smtplib.SMTPException) as error:
                    self._failed(message, str(error), now)
                    result["failed"] += 1
                    if isinstance(error, (OSError, smtplib.SMTPServerDisconnected)):
                        raise  # the connection is gone: the rest wait for the next round
                else:
                    self.mark_sent(message["uid"], "smtp")
                    result["sent"] += 1
        except (OSError, smtplib.SMTPException) as error:
            done = result["sent"] + result["failed"]
            for message in messages[done:]:
                self._failed(message, str(error), now)
                result["failed"] += 1
        finally:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()
        return result

    def _failed(self, message, error, now):
        attempts = (message.get("attempts") or 0) + 1
        self.store.write("mail/mark_message_failed", uid=message["uid"], error=error[:500],
                         next_attempt_at=now + backoff_ms(attempts))

    def run(self, settings, *, interval=5.0, should_stop=lambda: False, echo=None):
        """The long-running sender: a round every `interval` seconds until told to stop."""
        from ..store import StoreUnavailable
        while not should_stop():
            try:
                result = self.deliver(settings)
                if echo and (result["sent"] or result["failed"]):
                    echo(f"{result['sent']} gesendet, {result['failed']} fehlgeschlagen (später neu)")
            except StoreUnavailable as error:
                if echo:
                    echo(f"Datenbank nicht erreichbar, neuer Versuch in {interval:.0f} s: {error}")
            time.sleep(interval)
