"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from recognition.api import OwnJubileeViewSet, PageViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("erkenning-paginas", PageViewSet, basename="recognition-page")
    router.register("mijn-jubileum", OwnJubileeViewSet, basename="recognition-own-jubilee")
