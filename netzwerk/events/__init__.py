"""Events: lists, the month calendar, pages with files and series dates, iCal. Their fields and
links are the register's (Event is a kind of netzwerk/register/model.py)."""
from flask import Blueprint, current_app

bp = Blueprint("events", __name__)


def events():
    return current_app.extensions["netzwerk.events"]


from . import views  # noqa: E402,F401  (registers the routes on bp)
