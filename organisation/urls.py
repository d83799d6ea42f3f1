from __future__ import annotations

from django.urls import path

from organisation import views, views_import

app_name = "organisation"

urlpatterns = [
    path("", views.unit_list, name="units"),
    path("eenheid/<slug:code>/", views.unit_detail, name="unit"),
    path("medewerkers/", views.person_list, name="people"),
    path("medewerkers/<str:employee_number>/", views.person_detail, name="person"),
    path("import/", views_import.hr_import, name="import"),
]
