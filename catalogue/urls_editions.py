"""Published editions, readable by every visitor; included at /zorgwijzer/edities/."""

from __future__ import annotations

from django.urls import path

from catalogue import views_editions

app_name = "editions"

urlpatterns = [
    path("", views_editions.index, name="index"),
    path("vergelijk/", views_editions.compare, name="compare"),
    path("<slug:code>/", views_editions.detail, name="detail"),
    path("<slug:code>/<slug:slug>/", views_editions.provision, name="provision"),
]
