"""Root URL configuration. Every pattern here is covered by the URL × role matrix test."""

from __future__ import annotations

from django.conf import settings
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("", include("core.urls")),
    path("account/", include("accounts.urls")),
    path("organisatie/", include("organisation.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("zorgwijzer.api_urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"
