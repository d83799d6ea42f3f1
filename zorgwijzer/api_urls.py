"""The /api/v1/ endpoints of every app, collected in one router."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from catalogue.api import ExpertViewSet, ProvisionViewSet
from figures.api import FigureTableViewSet
from organisation.api import OrgNodeViewSet, UnitViewSet

router = DefaultRouter()
router.include_format_suffixes = False
router.register("eenheden", UnitViewSet, basename="unit")
router.register("organisatieonderdelen", OrgNodeViewSet, basename="orgnode")
router.register("provisions", ProvisionViewSet, basename="provision")
router.register("experts", ExpertViewSet, basename="expert")
router.register("cijfers", FigureTableViewSet, basename="figure-table")

urlpatterns = router.urls
