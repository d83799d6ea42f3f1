"""Root URL configuration. Every pattern here is covered by the URL × role matrix test."""

from __future__ import annotations

from django.conf import settings
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from catalogue import views_offline

urlpatterns = [
    # First: a URL is resolved by trying the patterns in order, and the API is what other systems
    # and the self-tests call most (no other pattern starts with api/).
    path("api/v1/", include("zorgwijzer.api_urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("", include("core.urls")),
    path("", include("portal.urls")),
    # Served from the root so the service worker may cover the whole site (it only caches public pages).
    path("sw.js", views_offline.service_worker, name="service-worker"),
    path("manifest.webmanifest", views_offline.manifest, name="manifest"),
    path("account/", include("accounts.urls")),
    path("organisatie/", include("organisation.urls")),
    # Before the catalogue, whose /zorgwijzer/<slug>/ would otherwise read these words as a slug.
    path("zorgwijzer/themas/", include("healththemes.urls")),
    path("zorgwijzer/feiten/", include("figures.urls")),
    path("zorgwijzer/", include("catalogue.urls")),
    path("zelftest/", include("selftests.urls")),
    path("nazorg/", include("aftercare.urls")),
    path("monitor/", include("monitor.urls")),
    path("barista/", include("barista.urls")),
    path("waar-kan-ik-terecht/", include("confidential.urls")),
    path("klachten/", include("complaints.urls")),
    path("integriteit/", include("integrity.urls")),
    path("jaarbeeld/", include("jaarbeeld.urls")),
    path("sociale-agenda/", include("agenda.urls")),
    path("teams-in-beeld/", include("teamcare.urls")),
    path("erkenning/", include("recognition.urls")),
    # The home front (/thuisfront/) and former colleagues (/oud-collegas/): public sections.
    path("", include("homefront.urls")),
    # Beroepsrisico (/beroepsrisico/) and buddy coordination (/buddys/).
    path("", include("casework.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"
