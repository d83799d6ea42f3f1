"""The /api/v1/ endpoints of every app, collected in one router.

Each app registers its own viewsets in its ``api_routes.register``. The paths are Dutch, like
every URL users and integrators see; the English paths of the first version answer with a
permanent redirect (308, so the method and the body survive) to their Dutch successor. Those
redirects are plain Django views, so the OpenAPI schema lists only the new paths.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponsePermanentRedirect, JsonResponse
from django.urls import URLPattern, URLResolver, re_path, reverse
from django.views.decorators.csrf import csrf_exempt
from rest_framework.exceptions import NotFound
from rest_framework.routers import DefaultRouter

from access import public_page
from agenda import api_routes as agenda_api
from barista import api_routes as barista_api
from casework import api_routes as casework_api
from catalogue import api_routes as catalogue_api
from complaints import api_routes as complaints_api
from confidential import api_routes as confidential_api
from figures import api_routes as figures_api
from homefront import api_routes as homefront_api
from integrity import api_routes as integrity_api
from jaarbeeld import api_routes as jaarbeeld_api
from monitor import api_routes as monitor_api
from organisation import api_routes as organisation_api
from recognition import api_routes as recognition_api
from selftests import api_routes as selftests_api
from teamcare import api_routes as teamcare_api

router = DefaultRouter()
router.include_format_suffixes = False
for app_routes in (
    organisation_api,
    catalogue_api,
    figures_api,
    selftests_api,
    monitor_api,
    barista_api,
    confidential_api,
    complaints_api,
    integrity_api,
    jaarbeeld_api,
    agenda_api,
    teamcare_api,
    recognition_api,
    homefront_api,
    casework_api,
):
    app_routes.register(router)

#: Old path → new path of the endpoints that were renamed to Dutch (URL name ``api-moved-<old>``).
MOVED: dict[str, str] = {
    "provisions": "voorzieningen",
    "experts": "deskundigen",
    "selftests": "zelftests",
}


@csrf_exempt  # a POST to an old path is passed on as it is; the new path does its own checks
@public_page  # the redirect shows nothing; the endpoint it points to applies its own access rules
def moved(request: HttpRequest, new: str, rest: str) -> HttpResponsePermanentRedirect:
    """Permanent redirect (308) from an old English path to its Dutch successor, query string kept."""
    url = f"{reverse('api-root')}{new}/{rest}"
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url, preserve_request=True)


@csrf_exempt  # answers nothing but "not found", whatever the method
@public_page  # an unknown API path is unknown to everyone
def not_found(request: HttpRequest, rest: str) -> JsonResponse:
    """404 for a path under /api/v1/ that no endpoint matches, in the API's own form (JSON with
    ``detail``, as DRF answers an unknown object) rather than the HTML page of the site."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)


urlpatterns: list[URLPattern | URLResolver] = [
    *router.urls,
    *(re_path(rf"^{old}/(?P<rest>.*)$", moved, {"new": new}, name=f"api-moved-{old}") for old, new in MOVED.items()),
    # Last: everything else under /api/v1/ except the schema, which zorgwijzer/urls.py serves after
    # this; ``[\s\S]`` rather than ``.`` so that a path with an encoded newline is matched too.
    re_path(r"^(?!schema/)(?P<rest>[\s\S]+)$", not_found, name="api-not-found"),
]
