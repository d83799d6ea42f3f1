from __future__ import annotations

from django.urls import path

from accounts import views, views_tokens

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("inloggen/", views.ZorgwijzerLoginView.as_view(), name="login"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("uitloggen-overal/", views.logout_everywhere, name="logout_everywhere"),
    path("tweestapsverificatie/instellen/", views.two_factor_setup, name="two_factor_setup"),
    path("tweestapsverificatie/", views.two_factor_verify, name="two_factor_verify"),
    path("api-tokens/", views_tokens.api_token_list, name="api_tokens"),
    path("api-tokens/nieuw/", views_tokens.api_token_create, name="api_token_create"),
    path("api-tokens/<int:pk>/intrekken/", views_tokens.api_token_revoke, name="api_token_revoke"),
]
