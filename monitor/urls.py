from __future__ import annotations

from django.urls import URLPattern, path

from monitor import views

app_name = "monitor"

urlpatterns: list[URLPattern] = [
    path("", views.dashboard, name="dashboard"),
    path("export.csv", views.dashboard_csv, name="dashboard_csv"),
    path("export.pdf", views.dashboard_pdf, name="dashboard_pdf"),
    path("metingen/", views.campaigns, name="campaigns"),
    path("metingen/nieuw/", views.campaign_create, name="campaign_create"),
    path("metingen/<int:pk>/", views.campaign_detail, name="campaign"),
    path("metingen/<int:pk>/versturen/", views.campaign_send, name="campaign_send"),
    path("metingen/<int:pk>/herinneren/", views.campaign_remind, name="campaign_remind"),
    path("metingen/<int:pk>/sluiten/", views.campaign_close, name="campaign_close"),
    path("vragenlijst/bedankt/", views.respond_done, name="respond_done"),
    path("vragenlijst/<str:token>/", views.respond, name="respond"),
    path("plannen/", views.plans, name="plans"),
    path("plannen/team/<int:pk>/", views.plan, name="plan"),
    path("maatregel/<int:pk>/", views.measure_update, name="measure"),
    path("maatregel/<int:pk>/wijzigen/", views.measure_edit, name="measure_edit"),
]
