"""The /api/v1/ endpoints of every app, collected in one router."""

from __future__ import annotations

from rest_framework.routers import DefaultRouter

from aftercare import api_routes as aftercare_api
from barista import api_routes as barista_api
from catalogue.api import ExpertViewSet, ProvisionViewSet
from figures.api import FigureTableViewSet
from monitor import api_routes as monitor_api
from organisation.api import OrgNodeViewSet, UnitViewSet
from selftests import api_routes as selftests_api

router = DefaultRouter()
router.include_format_suffixes = False
router.register("eenheden", UnitViewSet, basename="unit")
router.register("organisatieonderdelen", OrgNodeViewSet, basename="orgnode")
router.register("provisions", ProvisionViewSet, basename="provision")
router.register("experts", ExpertViewSet, basename="expert")
router.register("cijfers", FigureTableViewSet, basename="figure-table")
for app_routes in (selftests_api, aftercare_api, monitor_api, barista_api):
    app_routes.register(router)

urlpatterns = router.urls
