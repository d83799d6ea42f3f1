"""The editor of the Zorgwijzer under /zorgwijzer/beheer/: only for the inhoudsbeheerder."""

from __future__ import annotations

from django.urls import path

from catalogue import views_editor

app_name = "editor"

urlpatterns = [
    path("", views_editor.home, name="home"),
    path("nieuwe-editie/", views_editor.edition_create, name="edition_create"),
    path("<slug:code>/", views_editor.edition_detail, name="edition"),
    path("<slug:code>/publiceren/", views_editor.edition_publish, name="edition_publish"),
    path("<slug:code>/nieuwe-voorziening/", views_editor.provision_create, name="provision_create"),
    path("<slug:code>/voorzieningen/<slug:slug>/", views_editor.provision_edit, name="provision_edit"),
    path("<slug:code>/voorzieningen/<slug:slug>/verwijderen/", views_editor.provision_delete, name="provision_delete"),
]
