from __future__ import annotations

from django.urls import path

from confidential import views, views_line, views_requests

app_name = "confidential"

urlpatterns = [
    path("", views.router, name="router"),
    path("leidinggevende/", views.manager_guide, name="manager_guide"),
    # Requests without the manager.
    path("verzoeken/", views_requests.my_requests, name="requests"),
    path("verzoeken/mental-check-up/", views_requests.mcu, name="mcu"),
    path("verzoeken/vertrouwenspersoon/", views_requests.vertrouwenspersoon, name="vertrouwenspersoon"),
    path("verzoeken/mediation/", views_requests.mediation, name="mediation"),
    path("verzoeken/postvak/", views_requests.inbox, name="inbox"),
    path("verzoeken/zwaarbelaste-teams/", views_requests.heavy_teams, name="heavy_teams"),
    path("verzoeken/mijn-teams/", views_requests.team_counts, name="team_counts"),
    path("verzoeken/<int:pk>/", views_requests.request_detail, name="request"),
    path("verzoeken/<int:pk>/keuzes/", views_requests.request_options, name="request_options"),
    path("verzoeken/<int:pk>/toestemming/", views_requests.request_consent, name="request_consent"),
    path("verzoeken/<int:pk>/afspraak/", views_requests.request_schedule, name="request_schedule"),
    path("verzoeken/<int:pk>/afsluiten/", views_requests.request_close, name="request_close"),
    # The anonymous line: the reporter (no login) ...
    path("anoniem/", views_line.line_start, name="line_start"),
    path("anoniem/lezen/", views_line.line_read, name="line_read"),
    path("anoniem/antwoorden/", views_line.line_reply, name="line_reply"),
    path("anoniem/bijlage/", views_line.line_attachment, name="line_attachment"),
    # ... and the vertrouwenspersoon.
    path("anoniem/postvak/", views_line.line_inbox, name="line_inbox"),
    path("anoniem/sleutel/", views_line.line_key, name="line_key"),
    path("anoniem/postvak/<int:pk>/", views_line.line_report, name="line_report"),
    path("anoniem/postvak/<int:pk>/bijlage/", views_line.line_report_attachment, name="line_report_attachment"),
]
