"""The project's URLs with the single sign-on routes, as they are when OIDC_ENABLED is set at start-up."""

from __future__ import annotations

from django.urls import include, path

from zorgwijzer.urls import handler403, handler404, handler500
from zorgwijzer.urls import urlpatterns as project_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = [*project_urlpatterns, path("oidc/", include("mozilla_django_oidc.urls"))]
