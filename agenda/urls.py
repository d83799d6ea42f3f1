from __future__ import annotations

from django.urls import URLPattern, path

from agenda import views

app_name = "agenda"

urlpatterns: list[URLPattern] = [
    path("", views.overview, name="overview"),
    path("acties/<int:number>/", views.action_detail, name="action"),
    path("acties/<int:number>/voortgang/", views.action_progress, name="action_progress"),
    path("dekking/", views.coverage, name="coverage"),
    path("eenheden/", views.units, name="units"),
    path("eenheden/<slug:code>/", views.unit, name="unit"),
    path("eenheden/<slug:code>/bewerken/", views.unit_edit, name="unit_edit"),
]
