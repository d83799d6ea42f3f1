"""Public routes at the root: /thuisfront/ and /oud-collegas/."""

from __future__ import annotations

from django.urls import path

from homefront import views

app_name = "homefront"

urlpatterns = [
    path("thuisfront/", views.homefront, name="homefront"),
    path("thuisfront/folder.pdf", views.leaflet, name="leaflet"),
    path("oud-collegas/", views.former, name="former"),
]
