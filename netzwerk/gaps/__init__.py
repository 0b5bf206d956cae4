"""Gaps: where in an area is there no offer (or actor) that fits a question?"""
from .views import bp  # noqa: F401
