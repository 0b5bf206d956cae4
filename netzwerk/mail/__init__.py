"""Outgoing mail: the outbox in the graph (messages written with the change that causes them)
and a sender that delivers it over SMTP with retries and exponential backoff."""
from .outbox import Outbox, SmtpSettings, backoff_ms
from .render import render

__all__ = ["Outbox", "SmtpSettings", "backoff_ms", "render"]
