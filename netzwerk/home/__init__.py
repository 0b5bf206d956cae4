"""The start page: the network at a glance."""
from .views import bp  # noqa: F401
