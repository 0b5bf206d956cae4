"""Needs to offers: the offers that fit a need, and marking a need met or dropped."""
from .views import bp  # noqa: F401
