"""A round table's page: its members' offers, the open needs in its districts, its gaps; the agenda."""
from .views import bp  # noqa: F401
