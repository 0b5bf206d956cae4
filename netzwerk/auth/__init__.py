"""Accounts: login, logout, password change, and the role checks every blueprint uses."""
from functools import wraps

from flask import Blueprint, current_app
from flask_login import current_user, login_required

from ..errors import Forbidden
from ..extensions import login_manager

bp = Blueprint("auth", __name__)


def accounts():
    return current_app.extensions["netzwerk.accounts"]


@login_manager.user_loader
def load_user(session_id):
    # looked up through the current app: the login manager is shared by every app in the process
    return accounts().load_session_user(session_id)


def permission_required(permission):
    """Logged in, and the user's role holds the permission (checked on the server)."""
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(*args, **kwargs):
            if not current_user.can(permission):
                raise Forbidden("Für diese Seite fehlt Ihnen die nötige Rolle.")
            return view(*args, **kwargs)
        return wrapper
    return decorator


from . import views  # noqa: E402,F401  (registers the routes on bp)
