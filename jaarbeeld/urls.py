from __future__ import annotations

from django.urls import URLPattern, path

from jaarbeeld import views

app_name = "jaarbeeld"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("nieuw/", views.edition_create, name="create"),
    path("indicatoren/", views.indicators, name="indicators"),
    path("indicatoren/importeren/", views.values_import, name="import"),
    path("indicatoren/<slug:code>/", views.indicator, name="indicator"),
    path("vergelijken/", views.compare, name="compare"),
    path("<int:year>/", views.edition, name="edition"),
    path("<int:year>/geschiedenis/", views.history, name="history"),
    path("<int:year>/geschiedenis/ronde/", views.round_add, name="round_add"),
    path("<int:year>/status/", views.transition, name="transition"),
    path("<int:year>/eenheid/", views.unit_view, name="unit"),
    path("<int:year>/document/", views.document_page, name="document"),
    path("<int:year>/document.pdf", views.document_pdf, name="pdf"),
    path("<int:year>/bewerken/rode-draden/<slug:part>/", views.edit_thread, name="edit_thread"),
    path("<int:year>/bewerken/<slug:code>/<slug:block>/", views.edit_block, name="edit_block"),
    path("<int:year>/<slug:code>/", views.dimension, name="dimension"),
]
