"""Routes at the root: /beroepsrisico/ (recognition cases) and /buddys/ (buddy coordination)."""

from __future__ import annotations

from django.urls import path

from casework import views

app_name = "casework"

urlpatterns = [
    path("beroepsrisico/", views.own, name="own"),
    path("beroepsrisico/toestemming/<int:plan_pk>/", views.consent_give, name="consent_give"),
    path("beroepsrisico/mijn-zaak/<int:pk>/", views.my_case, name="my_case"),
    path("beroepsrisico/mijn-zaak/<int:pk>/intrekken/", views.consent_withdraw, name="consent_withdraw"),
    path("beroepsrisico/zaken/", views.cases, name="cases"),
    path("beroepsrisico/zaken/<int:pk>/", views.case, name="case"),
    path("beroepsrisico/zaken/<int:pk>/oppakken/", views.case_claim, name="case_claim"),
    path("buddys/", views.buddies, name="buddies"),
    path("buddys/buddy/nieuw/", views.buddy_add, name="buddy_add"),
    path("buddys/buddy/<int:pk>/", views.buddy_edit, name="buddy_edit"),
    path("buddys/koppelen/", views.match_add, name="match_add"),
    path("buddys/koppelingen/<int:pk>/stoppen/", views.match_end, name="match_end"),
    path("buddys/mijn-buddy/", views.my_buddy, name="my_buddy"),
    path("buddys/mijn-koppelingen/", views.my_matches, name="my_matches"),
]
