"""Authentication for systems that push data to ``/api/v1/``: ``Authorization: Bearer <token>``
(or ``Token <token>``), the token made by the functioneel beheerder on ``/account/api-tokens/``.

An endpoint opts in with ``authentication_classes = [ApiTokenAuthentication]`` and
``permission_classes = [TokenScope]`` with a ``required_scope``. Nothing else reads the header:
it is not in ``REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]`` and Django's own login never
looks at it, so a token opens no page and no other endpoint, and on such an endpoint a person's
session counts for nothing. Unknown, revoked or expired: 401; a valid token without the scope: 403;
too many refusals from one client in a minute: 429 with ``Retry-After`` (``accounts.token_limits``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions
from rest_framework.request import Request

from accounts import token_limits, tokens
from accounts.tokens import ApiClient, Refusal

#: The keywords accepted before the token in the ``Authorization`` header.
KEYWORDS = ("bearer", "token")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """Finds the token of the ``Authorization`` header; a request without one is not authenticated
    (401 from the permission), one with a bad one is refused here (401) and recorded."""

    def authenticate(self, request: Request) -> tuple[ApiClient, Any] | None:
        header = request._request.headers.get("Authorization", "")
        keyword, _space, presented = header.strip().partition(" ")
        if keyword.lower() not in KEYWORDS:
            return None
        check = tokens.api_token_check(presented.strip())
        if check.refusal is not None or check.token is None:
            # A valid token always passes, so that guesses from a shared address (a NAT, a gateway)
            # cannot lock the real system out; the block only bounds the refusals and their audit rows.
            _refuse_a_blocked_client(request)
            tokens.api_token_refused(
                refusal=check.refusal or Refusal.UNKNOWN, token=check.token, request=request._request
            )
            raise exceptions.AuthenticationFailed(_refusal_text(check.refusal))
        return ApiClient(check.token), check.token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


def _refuse_a_blocked_client(request: Request) -> None:
    """429 instead of 401 for a client with too many refused tokens this minute (only the start of
    the block is recorded, so a flood of guesses cannot fill the audit trail)."""
    block = token_limits.blocked(request._request)
    if block is None:
        return
    seconds, first = block
    if first:
        tokens.api_token_refused(refusal=Refusal.THROTTLED, token=None, request=request._request)
    raise TooManyRefusals(seconds)


class TooManyRefusals(exceptions.Throttled):
    """429 with a Dutch text only (DRF's ``Throttled(wait=…)`` adds an English sentence) and the
    seconds to wait in ``wait``, which DRF sends as the ``Retry-After`` header."""

    wait: int | None

    def __init__(self, seconds: int) -> None:
        super().__init__(
            detail=_("Te veel geweigerde API-tokens vanaf dit adres. Probeer het over een minuut opnieuw.")
        )
        self.wait = seconds


def _refusal_text(refusal: Refusal | None) -> str:
    if refusal == Refusal.REVOKED:
        return _("Dit API-token is ingetrokken.")
    if refusal == Refusal.EXPIRED:
        return _("Dit API-token is verlopen.")
    return _("Dit API-token is onbekend of onjuist.")


class TokenScope(permissions.BasePermission):
    """Lets through only a request authenticated by an API token that holds the view's
    ``required_scope``, and records every such use (and every refusal for a missing scope)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        client = request.user
        if not isinstance(client, ApiClient):
            return False  # no token: 401 (the authenticator gives the WWW-Authenticate header)
        scope: str = view.required_scope
        if not client.has_scope(scope):
            tokens.api_token_refused(refusal=Refusal.SCOPE, token=client.token, request=request._request, scope=scope)
            return False
        tokens.api_token_used(token=client.token, scope=scope, request=request._request)
        return True


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """The token in the OpenAPI schema: an HTTP bearer scheme named ``apiToken``."""

    target_class = ApiTokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "zwt_…",
            "description": (
                "API-token van een systeem, gemaakt door de functioneel beheerder op /account/api-tokens/. "
                "Stuur het mee als 'Authorization: Bearer <token>' (of 'Authorization: Token <token>')."
            ),
        }
