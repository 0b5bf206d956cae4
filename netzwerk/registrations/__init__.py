"""Public registration for events: capacity and waitlist, personal links, invitations, and the
organisers' participant pages. The event itself belongs to the events blueprint."""
from flask import Blueprint, current_app

bp = Blueprint("registrations", __name__)


def registrations():
    return current_app.extensions["netzwerk.registrations"]


def outbox():
    return current_app.extensions["netzwerk.outbox"]


from . import views  # noqa: E402,F401  (registers the routes on bp)
