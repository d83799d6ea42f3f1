"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from teamcare.api import ReportingNormViewSet, TeamSignalsViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("teams-in-beeld-signalen", TeamSignalsViewSet, basename="teamcare-signals")
    router.register("teams-in-beeld-meldnorm", ReportingNormViewSet, basename="teamcare-norm")
