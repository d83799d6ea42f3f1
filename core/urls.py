from __future__ import annotations

from django.urls import path

from core import views, views_audit

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("hulp/", views.help_now, name="help"),
    path("healthz", views.healthz, name="healthz"),
    path("beheer/audittrail/", views_audit.audit_list, name="audit"),
]
