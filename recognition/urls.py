"""Routes under /erkenning/."""

from __future__ import annotations

from django.urls import path

from recognition import views

app_name = "recognition"

urlpatterns = [
    path("", views.index, name="index"),
    path("informatie/<slug:slug>/", views.page, name="page"),
    path("mijn-team/", views.team, name="team"),
    path(
        "mijn-team/jubileum/<int:person_pk>/<int:milestone>/geregeld/", views.jubilee_arranged, name="jubilee_arranged"
    ),
    path("eremedaille/voordragen/", views.medal_nominate, name="medal_nominate"),
    path("voordrachten/", views.my_nominations, name="my_nominations"),
    path("voordrachten/eenheid/", views.unit_nominations, name="unit_nominations"),
    path("voordrachten/eenheid/<int:pk>/", views.nomination, name="nomination"),
    path("team-award/voordragen/", views.team_award_nominate, name="team_award_nominate"),
    path("team-award/", views.team_awards, name="team_awards"),
    path("blauw-hart/", views.blue_hearts, name="blue_hearts"),
    path("blauw-hart/sturen/", views.blue_heart_send, name="blue_heart_send"),
    path("blauw-hart/<int:pk>/delen/", views.blue_heart_share, name="blue_heart_share"),
    path("beheer/", views.manage, name="manage"),
    path("beheer/<slug:slug>/", views.page_edit, name="page_edit"),
    path("beheer/<slug:slug>/geschiedenis/", views.page_history, name="page_history"),
]
