"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from integrity.api import CardViewSet, SurveyResultsViewSet, ThemeViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("integriteit/kaarten", CardViewSet, basename="integrity-card")
    router.register("integriteit/themas", ThemeViewSet, basename="integrity-theme")
    router.register("integriteit/screening-vragenlijst", SurveyResultsViewSet, basename="integrity-survey")
