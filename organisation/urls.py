from __future__ import annotations

from django.urls import path

from organisation import views, views_import, views_roles

app_name = "organisation"

urlpatterns = [
    path("", views.unit_list, name="units"),
    path("eenheid/<slug:code>/", views.unit_detail, name="unit"),
    path("medewerkers/", views.person_list, name="people"),
    path("medewerkers/<str:employee_number>/", views.person_detail, name="person"),
    path("import/", views_import.hr_import, name="import"),
    path("import/bevestigen/", views_import.hr_import_confirm, name="import_confirm"),
    path("rollen/", views_roles.role_list, name="roles"),
    path("rollen/toekennen/", views_roles.role_grant, name="role_grant"),
    path("rollen/zoeken/", views_roles.role_picker, name="role_picker"),
    path("rollen/<int:pk>/intrekken/", views_roles.role_revoke, name="role_revoke"),
]
