"""The finder "Wat past bij mij?" under /zorgwijzer/wat-past-bij-mij/."""

from __future__ import annotations

from django.urls import URLPattern, path

from catalogue import views_finder

app_name = "finder"

urlpatterns: list[URLPattern] = [
    path("", views_finder.start, name="start"),
]
