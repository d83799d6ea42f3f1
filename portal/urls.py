from __future__ import annotations

from django.urls import path

from portal import views, views_audit

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("hulp/", views.help_now, name="help"),
    path("beheer/audittrail/", views_audit.audit_list, name="audit"),
]
