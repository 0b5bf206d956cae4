"""Data protection requests (DSGVO Art. 15 and 17), for admins: find a person, show and export
everything held about them, erase them. The whole URL map is in views.py."""
from flask import Blueprint, current_app

bp = Blueprint("privacy", __name__)


def privacy():
    return current_app.extensions["netzwerk.privacy"]


from . import views  # noqa: E402,F401  (registers the routes on bp)
