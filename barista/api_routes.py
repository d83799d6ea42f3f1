"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from barista.api import ExposureImportViewSet, OwnSignalViewSet, StatisticsViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("barista-import", ExposureImportViewSet, basename="barista-import")
    router.register("barista-mijn-signalen", OwnSignalViewSet, basename="barista-own")
    router.register("barista-cijfers", StatisticsViewSet, basename="barista-statistics")
