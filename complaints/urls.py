from __future__ import annotations

from django.urls import URLPattern, path

from complaints import views

app_name = "complaints"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("nieuw/", views.create, name="create"),
    path("mijn/", views.mine, name="mine"),
    path("mijn/<int:pk>/", views.status, name="status"),
    path("doorlooptijden/", views.lead_times, name="lead_times"),
    path("statistiek/", views.statistics, name="statistics"),
    path("soorten/", views.categories, name="categories"),
    path("soorten/<int:pk>/", views.category_edit, name="category_edit"),
    path("stukken/<int:pk>/", views.document, name="document"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/toewijzen/", views.assign, name="assign"),
    path("<int:pk>/fase/", views.move, name="move"),
    path("<int:pk>/onderdelen/", views.element_add, name="element_add"),
    path("<int:pk>/contactpogingen/", views.contact_add, name="contact_add"),
    path("<int:pk>/extra-punten/", views.point_add, name="point_add"),
    path("<int:pk>/stukken/", views.document_add, name="document_add"),
    path("<int:pk>/advies/", views.advice, name="advice"),
    path("<int:pk>/besluit/", views.decision, name="decision"),
]
