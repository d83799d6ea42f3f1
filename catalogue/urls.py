from __future__ import annotations

from django.urls import path

from catalogue import views, views_offline

app_name = "catalogue"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("experts/", views.expert_list, name="experts"),
    path("offline/", views_offline.offline, name="offline"),
    path("<slug:slug>/", views.provision_detail, name="provision"),
]
