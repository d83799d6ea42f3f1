from __future__ import annotations

from django.urls import URLPattern, path

from selftests import views

app_name = "selftests"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.run, name="run"),
    path("<slug:slug>/uitslag/", views.result, name="result"),
    path("<slug:slug>/uitslag/pdf/", views.pdf, name="pdf"),
]
