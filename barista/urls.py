from __future__ import annotations

from django.urls import path

from barista import views, views_import

app_name = "barista"

urlpatterns = [
    path("", views.invitations, name="invitations"),
    path("uitnodiging/<int:pk>/", views.invitation, name="invitation"),
    path("mijn-signalen/", views.own, name="own"),
    path("gebeurtenis/", views.exposure_add, name="exposure_add"),
    path("afwezigheid/", views.absences, name="absences"),
    path("afwezigheid/<int:pk>/", views.absences, name="absence"),
    path("import/", views_import.import_file, name="import"),
    path("bereik/", views.scope, name="scope"),
    path("regels/", views.rules, name="rules"),
    path("regels/<slug:code>/", views.rules_edit, name="rules_edit"),
    path("soorten/", views.types, name="types"),
    path("soorten/nieuw/", views.type_edit, name="type_add"),
    path("soorten/<int:pk>/", views.type_edit, name="type_edit"),
    path("cijfers/", views.statistics, name="statistics"),
]
