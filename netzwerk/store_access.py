"""The app's one store, for views and services: `store()`."""
from flask import current_app


def store():
    return current_app.extensions["netzwerk.store"]
