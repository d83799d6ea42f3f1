"""The /api/v1/ endpoints of this app; zorgwijzer/api_urls.py calls ``register``."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from casework.api import ManagedCaseViewSet, OwnBuddyViewSet, OwnCaseViewSet, PoolViewSet


def register(router: DefaultRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("mijn-beroepsrisicozaken", OwnCaseViewSet, basename="casework-own-case")
    router.register("beroepsrisicozaken", ManagedCaseViewSet, basename="casework-case")
    router.register("mijn-buddy", OwnBuddyViewSet, basename="casework-own-buddy")
    router.register("buddypoules", PoolViewSet, basename="casework-pool")
