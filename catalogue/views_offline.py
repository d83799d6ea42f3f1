"""Offline use: a web app manifest and a service worker, so the catalogue, the health themes and
the help page can be installed on a work phone and read without a connection.

The service worker only ever caches public pages (the catalogue, themes, facts and 'Direct
hulp') and static files; pages with personal data are never cached.
"""

from __future__ import annotations

import hashlib
import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from access import public_page
from catalogue import selectors

#: Path prefixes the service worker may cache (public content only).
OFFLINE_PREFIXES = ("/zorgwijzer/", "/hulp/", "/static/")
#: Never cached, even though they sit under a public prefix.
OFFLINE_EXCLUDED = ("/zorgwijzer/beheer/",)


def precache_urls() -> list[str]:
    """The pages a phone stores on installation: overview, every provision, themes, help."""
    edition = selectors.current_edition()
    urls = [
        reverse("catalogue:overview"),
        reverse("catalogue:experts"),
        reverse("catalogue:offline"),
        reverse("portal:help"),
        static("vendor/utrecht/design-tokens.css"),
        static("vendor/utrecht/component-library.css"),
        static("css/zorgwijzer.css"),
        static("vendor/htmx/htmx.min.js"),
        static("js/offline.js"),
        static("favicon.svg"),
    ]
    urls += [reverse("catalogue:provision", args=[p.slug]) for p in selectors.all_provisions(edition).only("slug")]
    urls += _extra_urls()
    return urls


def _extra_urls() -> list[str]:
    """Pages of other public apps (health themes, facts) when they are installed."""
    from django.urls import NoReverseMatch

    extra = []
    for name in ("healththemes:index", "figures:overview", "catalogue:finder"):
        try:
            extra.append(reverse(name))
        except NoReverseMatch:
            continue
    return extra


@public_page
@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    urls = precache_urls()
    version = hashlib.sha256(json.dumps(urls).encode()).hexdigest()[:12]
    context = {
        "version": version,
        "precache": json.dumps(urls),
        "prefixes": json.dumps(OFFLINE_PREFIXES),
        "excluded": json.dumps(OFFLINE_EXCLUDED),
        "offline_url": json.dumps(reverse("catalogue:offline")),
    }
    response = HttpResponse(
        render_to_string("catalogue/sw.js", context), content_type="application/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@public_page
@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    data = {
        "name": "Zorgwijzer",
        "short_name": "Zorgwijzer",
        "description": _("Wat de politie je biedt om fit te blijven, problemen te voorkomen en te herstellen."),
        "lang": "nl",
        "start_url": reverse("catalogue:overview"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#154273",
        "icons": [{"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }
    return JsonResponse(data, content_type="application/manifest+json")


@public_page
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    from django.shortcuts import render

    return render(request, "catalogue/offline.html")
