"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from confidential.api import OwnRequestViewSet, RouterViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("waar-kan-ik-terecht", RouterViewSet, basename="confidential-router")
    router.register("mijn-verzoeken", OwnRequestViewSet, basename="confidential-own")
