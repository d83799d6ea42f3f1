"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from jaarbeeld.api import EditionViewSet, IndicatorViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("jaarbeeld-indicatoren", IndicatorViewSet, basename="jaarbeeld-indicator")
    router.register("jaarbeeld-edities", EditionViewSet, basename="jaarbeeld-edition")
