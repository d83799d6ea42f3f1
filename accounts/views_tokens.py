"""The functioneel beheerder's pages for API tokens: the list, making one (shown once) and revoking.

Thin views: ``accounts.tokens`` makes, revokes and audits. The page that shows a new token is the
answer to the POST itself, never stored and never cached: the token is nowhere to be found again.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from access import permission_required
from accounts import tokens
from accounts.constants import ApiScope
from accounts.forms import ApiTokenForm
from accounts.models import ApiToken

SCOPE_LABELS = dict(ApiScope.choices)


def _rows(items: list[ApiToken]) -> list[dict[str, object]]:
    today = timezone.localdate()
    rows = []
    for token in items:
        if token.revoked_at is not None:
            status = _("Ingetrokken")
        elif token.is_expired(today):
            status = _("Verlopen")
        else:
            status = _("Actief")
        rows.append(
            {
                "token": token,
                "status": status,
                "active": token.revoked_at is None and not token.is_expired(today),
                "scopes": [SCOPE_LABELS.get(scope, scope) for scope in token.scopes],
            }
        )
    return rows


@never_cache
@require_GET
@permission_required("api_tokens.manage")
def api_token_list(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/tokens.html", {"rows": _rows(list(tokens.api_tokens()))})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("api_tokens.manage")
def api_token_create(request: HttpRequest) -> HttpResponse:
    """GET shows the form; a valid POST makes the token and shows it, this once."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = tokens.api_token_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            expires_on=form.cleaned_data["expires_on"],
            request=request,
        )
        context = {"made": made, "scopes": [SCOPE_LABELS[scope] for scope in made.record.scopes]}
        return render(request, "accounts/tokens_created.html", context)
    return render(request, "accounts/tokens_create.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("api_tokens.manage")
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST revokes."""
    token = get_object_or_404(tokens.api_tokens(), pk=pk)
    if request.method == "POST":
        if tokens.api_token_revoke(actor=request.user, token=token, request=request):
            messages.success(request, _("Het API-token %(name)s is ingetrokken.") % {"name": token})
        else:
            messages.info(request, _("Het API-token %(name)s was al ingetrokken.") % {"name": token})
        return redirect("accounts:api_tokens")
    return render(request, "accounts/tokens_revoke.html", {"row": _rows([token])[0]})
