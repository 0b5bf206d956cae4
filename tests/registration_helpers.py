"""Helpers for the registration tests: an event made with the seed's own query, the public
form filled in through the real pages, a local SMTP server (aiosmtpd) that keeps what arrives."""
import email
import email.policy
import re
import socket

from aiosmtpd.controller import Controller

from .conftest import csrf_token

EVENT = dict(name="Expert/innenrunde Ankunftsorte", starts_at="2030-06-16T10:30", ends_at="2030-06-16T16:00",
             venue="LAG Soziale Brennpunkte", address="Stiftstr. 15, 30159 Hannover", capacity=2,
             status="published", visibility="public", registration_opens="2020-01-01T00:00",
             registration_closes="2030-06-10T23:59")


def make_event(store, uid="ev-1", **changes):
    props = {k: v for k, v in {**EVENT, **changes}.items() if v is not None}
    store.write("graph/merge_events", rows=[{"uid": uid, "by": "test", "props": props}], now="2026-01-01T00:00:00")
    return uid


def hidden(html, name):
    match = re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html)
    return match.group(1) if match else ""


def form_of(client, uid, query=""):
    html = client.get(f"/veranstaltungen/{uid}/anmeldung{query}").get_data(as_text=True)
    return {"csrf_token": csrf_token(html), "form_token": hidden(html, "form_token"),
            "invitation": hidden(html, "invitation")}


def register(client, uid, name, email, query="", **extra):
    data = {**form_of(client, uid, query), "name": name, "email": email, "consent": "y", **extra}
    return client.post(f"/veranstaltungen/{uid}/anmeldung", data=data)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """aiosmtpd handler: every message that arrives, as (recipients, subject, body), decoded."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        mail = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), str(mail["Subject"]), mail.get_content()))
        return "250 OK"


def smtp_server(port):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox
