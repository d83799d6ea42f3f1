from __future__ import annotations

from django.urls import path

from aftercare import views, views_editor

app_name = "aftercare"

urlpatterns = [
    path("", views.my_plans, name="my_plans"),
    path("melden/", views.register, name="register"),
    path("melden/zoeken/", views.people_search, name="people_search"),
    path("mijn-team/", views.team, name="team"),
    path("mijn-ondersteuning/", views.cases, name="cases"),
    path("mijn-dossiers/", views.casework, name="casework"),
    path("coordinatie/", views.coordination, name="coordination"),
    path("coordinatie/cijfers.csv", views.coordination_csv, name="coordination_csv"),
    path("meldingen/", views.notifications, name="notifications"),
    path("plan/<int:pk>/", views.plan_detail, name="plan"),
    path("plan/<int:pk>/nazorgplan.pdf", views.plan_pdf, name="plan_pdf"),
    path("plan/<int:pk>/ondersteuner/", views.plan_assign, name="plan_assign"),
    path("plan/<int:pk>/notitie/", views.note_add, name="note_add"),
    path("plan/<int:pk>/mijn-keuze/", views.plan_own, name="plan_own"),
    path("stap/<int:pk>/", views.step_action, name="step"),
    path("stap/<int:pk>/ongedaan-maken/", views.step_undo, name="step_undo"),
    path("sjablonen/", views_editor.template_list, name="templates"),
    path("sjablonen/<slug:code>/", views_editor.template_edit, name="template_edit"),
    path("sjablonen/soort/<int:pk>/", views_editor.event_type_edit, name="event_type_edit"),
]
