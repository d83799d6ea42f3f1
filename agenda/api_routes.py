"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from agenda.api import ActionViewSet, PriorityViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("sociale-agenda-prioriteiten", PriorityViewSet, basename="agenda-priority")
    router.register("sociale-agenda-acties", ActionViewSet, basename="agenda-action")
