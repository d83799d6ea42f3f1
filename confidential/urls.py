from __future__ import annotations

from django.urls import path

from confidential import views

app_name = "confidential"

urlpatterns = [
    path("", views.router, name="router"),
    path("leidinggevende/", views.manager_guide, name="manager_guide"),
]
