"""The outbox: delivered over real SMTP (aiosmtpd on loopback), kept while SMTP is down,
retried with backoff, the secret link deleted once sent; `netzwerk send-mail` once."""
import os
import subprocess
import sys

from netzwerk.clock import now_millis
from netzwerk.mail import Outbox, SmtpSettings, backoff_ms
from netzwerk.registrations.service import Registrations

from ..conftest import raw_rows
from ..registration_helpers import free_port, make_event, smtp_server


def _register(store, n, capacity=1):
    make_event(store, capacity=capacity)
    service = Registrations(store, secret_key="k")
    for i in range(n):
        service.register("ev-1", name=f"Person {i}", email=f"p{i}@example.org", answers={}, language="de",
                         form_token=f"f{i}", link_for=lambda token: f"http://localhost/anmeldung/{token}")
    return service


def _messages(store):
    return raw_rows(store, "MATCH (m:Message) RETURN m.to_email AS to, m.status AS status, m.attempts AS attempts, "
                           "m.next_attempt_at AS next, m.secret_link AS link, m.kind AS kind ORDER BY m.to_email")


def test_nothing_is_lost_while_smtp_is_down_and_it_arrives_afterwards(store):
    _register(store, 3)
    port = free_port()
    settings = SmtpSettings("127.0.0.1", port, starttls=False, sender="netzwerk@example.org", timeout=2)
    outbox = Outbox(store)
    now = now_millis() + 1000  # every message is due
    assert outbox.deliver(settings, now_ms=now) == {"sent": 0, "failed": 3}
    pending = _messages(store)
    assert [m["status"] for m in pending] == ["pending"] * 3
    assert [m["attempts"] for m in pending] == [1, 1, 1]
    assert all(m["next"] == now + backoff_ms(1) for m in pending) and all(m["link"] for m in pending)
    # not due yet: nothing is tried
    assert outbox.deliver(settings, now_ms=now + 1000) == {"sent": 0, "failed": 0}
    assert outbox.deliver(settings, now_ms=now + backoff_ms(1)) == {"sent": 0, "failed": 3}
    assert [m["attempts"] for m in _messages(store)] == [2, 2, 2]
    controller, inbox = smtp_server(port)
    try:
        later = now + backoff_ms(1) + backoff_ms(2)
        assert outbox.deliver(settings, now_ms=later) == {"sent": 3, "failed": 0}
        assert outbox.deliver(settings, now_ms=later + 10 ** 9) == {"sent": 0, "failed": 0}  # once only
    finally:
        controller.stop()
    assert sorted(rcpt[0] for rcpt, _s, _b in inbox.messages) == ["p0@example.org", "p1@example.org", "p2@example.org"]
    by_rcpt = {rcpt[0]: (subject, body) for rcpt, subject, body in inbox.messages}
    assert by_rcpt["p0@example.org"][0] == "Anmeldung bestätigt: Expert/innenrunde Ankunftsorte"
    assert by_rcpt["p1@example.org"][0] == "Warteliste: Expert/innenrunde Ankunftsorte"
    assert "http://localhost/anmeldung/" in by_rcpt["p0@example.org"][1]
    assert "16.06.2030, 10:30 Uhr" in by_rcpt["p0@example.org"][1]
    sent = _messages(store)
    assert [m["status"] for m in sent] == ["sent"] * 3
    assert not any(m["link"] for m in sent)  # the secret link lived only until delivery


def test_a_move_up_is_delivered_in_the_persons_language(store):
    service = _register(store, 2)
    registration = raw_rows(store, "MATCH (r:Registration {email_key: 'p0@example.org'}) RETURN r.uid AS uid")[0]["uid"]
    raw_rows(store, "MATCH (r:Registration {email_key: 'p1@example.org'}) SET r.language = 'en' RETURN r.uid AS uid")
    assert service.cancel("ev-1", registration) == (1, 1)
    port = free_port()
    controller, inbox = smtp_server(port)
    try:
        Outbox(store).deliver(SmtpSettings("127.0.0.1", port, starttls=False, timeout=2))
    finally:
        controller.stop()
    subjects = sorted((rcpt[0], subject) for rcpt, subject, _body in inbox.messages)
    assert subjects == [  # confirmed, cancelled; waitlisted, moved up (in English)
        ("p0@example.org", "Abmeldung bestätigt: Expert/innenrunde Ankunftsorte"),
        ("p0@example.org", "Anmeldung bestätigt: Expert/innenrunde Ankunftsorte"),
        ("p1@example.org", "Warteliste: Expert/innenrunde Ankunftsorte"),
        ("p1@example.org", "You have a place: Expert/innenrunde Ankunftsorte")]


def test_send_mail_command_delivers_once(store, database, tmp_path):
    _register(store, 1)
    port = free_port()
    controller, inbox = smtp_server(port)
    env = {**os.environ, **database.environment(store), "NETZWERK_DATA_DIR": str(tmp_path),
           "NETZWERK_SMTP_HOST": "127.0.0.1", "NETZWERK_SMTP_PORT": str(port), "NETZWERK_SMTP_STARTTLS": "0",
           "NETZWERK_SECRET_KEY": "x" * 32}
    try:
        result = subprocess.run([sys.executable, "-m", "netzwerk.cli", "send-mail"], env=env,
                                capture_output=True, text=True, timeout=120)
    finally:
        controller.stop()
    assert result.returncode == 0, result.stderr
    assert "1 gesendet" in result.stdout
    assert [rcpt for rcpt, _s, _b in inbox.messages] == [["p0@example.org"]]
    without = {k: v for k, v in env.items() if k != "NETZWERK_SMTP_HOST"}
    refused = subprocess.run([sys.executable, "-m", "netzwerk.cli", "send-mail"], env=without,
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "NETZWERK_SMTP_HOST fehlt" in refused.stderr
