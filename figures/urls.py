from __future__ import annotations

from django.urls import path

from figures import views

app_name = "figures"

urlpatterns = [
    path("", views.overview, name="overview"),
]
