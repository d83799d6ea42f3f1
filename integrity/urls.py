from __future__ import annotations

from django.urls import URLPattern, path

from integrity import views

app_name = "integrity"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("dilemmas/", views.library, name="library"),
    path("dilemmas/<slug:slug>/", views.card_detail, name="card"),
    path("beheer/kaarten/", views.editor_list, name="editor_list"),
    path("beheer/kaarten/<int:pk>/", views.card_edit, name="card_edit"),
    path("sessies/", views.sessions, name="sessions"),
    path("sessies/nieuw/", views.session_new, name="session_new"),
    path("sessies/<int:pk>/", views.session_detail, name="session"),
    path("sessies/<int:pk>/live/", views.session_live, name="session_live"),
    path("sessies/<int:pk>/stap/", views.session_step, name="session_step"),
    path("doe-mee/", views.join, name="join"),
    path("doe-mee/<str:code>/", views.participate, name="participate"),
    path("dilemmacheck/", views.dilemma_check, name="check"),
    path("meldplicht/", views.report, name="report"),
    path("meldplicht/controleren/", views.report_verify, name="report_verify"),
    path("meldplicht/team/", views.reports_team, name="reports_team"),
    path("meldplicht/<int:pk>/", views.report_detail, name="report_detail"),
    path("meldplicht/<int:pk>/opvolging/", views.report_follow_up, name="report_follow_up"),
    path("sessie-aanvragen/", views.request_new, name="request_new"),
    path("sessie-aanvragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("aanvragen/", views.requests_planning, name="requests"),
    path("aanvragen/<int:pk>/plannen/", views.request_plan, name="request_plan"),
    path("triage/", views.triage, name="triage"),
    path("triage/nieuw/", views.signal_new, name="signal_new"),
    path("triage/<int:pk>/", views.signal_detail, name="signal"),
    path("triage/<int:pk>/besluit/", views.signal_decide, name="signal_decide"),
    path("screening/", views.survey_rounds, name="survey_rounds"),
    path("screening/<int:pk>/", views.survey_round, name="survey_round"),
    path("screening/<int:pk>/sluiten/", views.survey_round_close, name="survey_round_close"),
    path("ervaring/<str:code>/", views.survey_answer, name="survey"),
]
