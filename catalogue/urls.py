"""Every page of the catalogue under /zorgwijzer/, in one namespace ``catalogue``.

The finder, the editor and the published editions keep their own view modules. Their fixed
words (``wat-past-bij-mij/``, ``beheer/``, ``edities/``, ``experts/``, ``offline/``) come before
the ``<slug>/`` catch-all of a provision, so they are never read as a slug. The health themes
(``themas/``) and the facts (``feiten/``) are included before this file in zorgwijzer/urls.py.
"""

from __future__ import annotations

from django.urls import path

from catalogue import views, views_editions, views_editor, views_finder, views_offline

app_name = "catalogue"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("experts/", views.expert_list, name="experts"),
    path("offline/", views_offline.offline, name="offline"),
    # The finder "Wat past bij mij?".
    path("wat-past-bij-mij/", views_finder.start, name="finder"),
    # The editor: only for the inhoudsbeheerder.
    path("beheer/", views_editor.home, name="editor_home"),
    path("beheer/nieuwe-editie/", views_editor.edition_create, name="editor_edition_create"),
    path("beheer/<slug:code>/", views_editor.edition_detail, name="editor_edition"),
    path("beheer/<slug:code>/publiceren/", views_editor.edition_publish, name="editor_edition_publish"),
    path("beheer/<slug:code>/nieuwe-voorziening/", views_editor.provision_create, name="editor_provision_create"),
    path("beheer/<slug:code>/voorzieningen/<slug:slug>/", views_editor.provision_edit, name="editor_provision_edit"),
    path(
        "beheer/<slug:code>/voorzieningen/<slug:slug>/verwijderen/",
        views_editor.provision_delete,
        name="editor_provision_delete",
    ),
    # Published editions, readable by every visitor.
    path("edities/", views_editions.index, name="editions"),
    path("edities/vergelijk/", views_editions.compare, name="edition_compare"),
    path("edities/<slug:code>/", views_editions.detail, name="edition_detail"),
    path("edities/<slug:code>/<slug:slug>/", views_editions.provision, name="edition_provision"),
    # Last: a provision by its slug.
    path("<slug:slug>/", views.provision_detail, name="provision"),
]
