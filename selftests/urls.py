from __future__ import annotations

from django.urls import URLPattern

app_name = "selftests"

urlpatterns: list[URLPattern] = []
