from __future__ import annotations

from django.urls import URLPattern, path

from teamcare import views

app_name = "teamcare"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("signalen/", views.signals, name="signals"),
    path("signalen/team/<int:pk>/", views.team_signals, name="team_signals"),
    path("verzuim/", views.absence_import, name="absence_import"),
    path("logboek/", views.notes, name="notes"),
    path("logboek/<int:pk>/", views.note, name="note"),
    path("logboek/<int:pk>/delen/", views.note_share, name="note_share"),
    path("gedeeld/", views.shared, name="shared"),
    path("route/", views.routes, name="routes"),
    path("route/<int:pk>/", views.route, name="route"),
    path("signalenlijst/", views.checklist, name="checklist"),
    path("gesprekken/", views.dialogues, name="dialogues"),
    path("gesprekken/aanvragen/", views.dialogue_request, name="dialogue_request"),
    path("gesprekken/<int:pk>/", views.dialogue, name="dialogue"),
    path("gesprekken/<int:pk>/evaluatie/", views.evaluate, name="evaluate"),
    path("mijn-gesprekken/", views.my_dialogues, name="my_dialogues"),
    path("procesbegeleiders/", views.facilitators, name="facilitators"),
    path("check-up/", views.checkups, name="checkups"),
    path("check-up/<int:pk>/", views.checkup, name="checkup"),
    path("vervolgstap/<int:pk>/gedaan/", views.incident_done, name="incident_done"),
    path("meldnorm/", views.norms, name="norms"),
    path("meldnorm/team/<int:pk>/", views.norm, name="norm"),
    path("meldnorm/team/<int:pk>/bewerken/", views.norm_edit, name="norm_edit"),
]
