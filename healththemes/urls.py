"""Routes under /zorgwijzer/themas/. The fixed word "beheer" comes before the theme slug."""

from __future__ import annotations

from django.urls import path

from healththemes import views

app_name = "healththemes"

urlpatterns = [
    path("", views.index, name="index"),
    path("beheer/", views.manage, name="manage"),
    path("beheer/<slug:theme_slug>/nieuw/", views.item_new, name="item_new"),
    path("beheer/item/<int:pk>/", views.item_edit, name="item_edit"),
    path("beheer/thema/<slug:theme_slug>/", views.theme_edit, name="theme_edit"),
    path("<slug:slug>/", views.theme_detail, name="theme"),
    path("<slug:slug>/<slug:item_slug>/", views.item_detail, name="item"),
]
