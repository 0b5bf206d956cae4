"""The organisers' work with an event's participants after registering: who met whom (attendance
grows the network), participant data export, erasure and retention, messages to participants,
name badges and the sign-in sheet."""
from flask import Blueprint, current_app

bp = Blueprint("participants", __name__)


def participants():
    return current_app.extensions["netzwerk.participants"]


from . import views  # noqa: E402,F401  (registers the routes on bp)
