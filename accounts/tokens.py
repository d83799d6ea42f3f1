"""API tokens for systems that push data: making, listing, revoking, and checking a presented token.

A token reads ``zwt_<8 hex>_<43 characters>``: the first part (``zwt_`` and 8 hex digits) is the
``prefix`` kept in the database to tell tokens apart; the rest is 256 random bits. Only the
SHA-256 hash of the whole token is stored, so a copy of the database does not hold a usable token,
and the token is found by its hash: the lookup compares hashes, never the token itself, and the
time it takes does not depend on how much of a guess was right. A plain (unsalted) hash is
enough for a random 256-bit secret; a slow password hash would only make every request slower.

Every write is audited in the same transaction: creation and revocation under the functioneel
beheerder who did it, every use and every refused attempt under the token's prefix and name
(``ApiToken.audit_name``), never with the token itself.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from accounts import token_limits
from accounts.constants import ApiScope
from accounts.models import ApiToken
from core import audit
from core.models import AuditAction

if TYPE_CHECKING:
    import datetime as dt

    from django.db.models import QuerySet
    from django.http import HttpRequest

LOGGER = logging.getLogger("zorgwijzer.api_tokens")

TOKEN_PREFIX = "zwt_"  # noqa: S105  (the visible start of every token, not a secret)
#: The whole token: the prefix (``zwt_`` + 8 hex digits), an underscore, 43 URL-safe characters.
TOKEN_PATTERN = re.compile(r"^(zwt_[0-9a-f]{8})_[A-Za-z0-9_-]{43}$")
#: The audit trail's name for a presented token that matches no token at all (its text is not kept:
#: it may be a secret of something else pasted by mistake).
UNKNOWN_TOKEN = "API-token (onbekend)"  # noqa: S105  (a name for the audit trail)


def token_hash(token: str) -> str:
    """The stored form of a token: its SHA-256 hash as 64 hex digits."""
    return hashlib.sha256(token.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    """A fresh (prefix, token) pair whose prefix is not in use."""
    while True:
        prefix = f"{TOKEN_PREFIX}{secrets.token_hex(4)}"
        if not ApiToken.objects.filter(prefix=prefix).exists():
            return prefix, f"{prefix}_{secrets.token_urlsafe(32)}"


@dataclass(frozen=True)
class NewToken:
    """A token just made: ``token`` is the only copy there will ever be, to show once."""

    record: ApiToken
    token: str


@transaction.atomic
def api_token_create(
    *, actor: Any, name: str, scopes: list[str], expires_on: dt.date | None = None, request: HttpRequest | None = None
) -> NewToken:
    """Make a token for a system; the returned ``token`` is shown once and stored only as a hash."""
    unknown = set(scopes) - set(ApiScope.values)
    if unknown or not scopes:
        raise ValueError(f"unknown or no scopes: {sorted(unknown)}")
    prefix, token = _new_token()
    record = ApiToken.objects.create(
        name=name,
        prefix=prefix,
        secret_hash=token_hash(token),
        scopes=sorted(set(scopes)),
        expires_on=expires_on,
        created_by=actor,
    )
    audit.log_change(
        actor=actor,
        obj=record,
        action=AuditAction.CREATE,
        fields=["name", "scopes", *(["expires_on"] if expires_on else [])],
        request=request,
    )
    return NewToken(record=record, token=token)


@transaction.atomic
def api_token_revoke(*, actor: Any, token: ApiToken, request: HttpRequest | None = None) -> bool:
    """Revoke a token for good; the next request with it gets 401. False if it was already revoked."""
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=actor
    )
    if not revoked:
        return False
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    audit.log_change(actor=actor, obj=token, action=AuditAction.UPDATE, fields=["revoked_at"], request=request)
    return True


def api_tokens() -> QuerySet[ApiToken]:
    """Every token, newest first, with the names of who made and revoked it (the beheer list)."""
    return ApiToken.objects.select_related("created_by__person", "revoked_by__person")


class Refusal(StrEnum):
    """Why a presented token was refused (for the operator's log line and the audit trail)."""

    MALFORMED = "malformed"
    UNKNOWN = "unknown"
    REVOKED = "revoked"
    EXPIRED = "expired"
    SCOPE = "scope"
    #: Too many refusals from this client this minute (``accounts.token_limits``): not checked.
    THROTTLED = "throttled"


@dataclass(frozen=True)
class TokenCheck:
    """The outcome of ``api_token_check``: the token when it may be used, otherwise why not."""

    token: ApiToken | None
    refusal: Refusal | None = None


def api_token_check(presented: str) -> TokenCheck:
    """Find the token by the hash of what was presented and say whether it is usable today."""
    match = TOKEN_PATTERN.match(presented)
    if match is None:
        return TokenCheck(None, Refusal.MALFORMED)
    digest = token_hash(presented)
    found = ApiToken.objects.filter(secret_hash=digest).first()
    # The database compared hashes; compare once more without an early exit, for any backend.
    if found is None or not hmac.compare_digest(found.secret_hash, digest):
        return TokenCheck(None, Refusal.UNKNOWN)
    if found.revoked_at is not None:
        return TokenCheck(found, Refusal.REVOKED)
    if found.is_expired(timezone.localdate()):
        return TokenCheck(found, Refusal.EXPIRED)
    return TokenCheck(found)


@dataclass(frozen=True)
class ApiClient:
    """``request.user`` of a request made with a token: the system, not a person.

    ``is_authenticated`` is False on purpose: no rule of ``access`` grants it anything (every
    action needs a logged-in user), so a token can never pass for a person, even on a view that
    would accept it by mistake; only ``TokenScope`` lets it through, for its own scopes.
    ``audit_actor_name`` names it in the audit trail (``core.audit``).
    """

    token: ApiToken
    is_authenticated: ClassVar[bool] = False
    is_anonymous: ClassVar[bool] = False
    is_active: ClassVar[bool] = False
    is_staff: ClassVar[bool] = False
    is_superuser: ClassVar[bool] = False
    pk: ClassVar[None] = None
    id: ClassVar[None] = None

    @property
    def audit_actor_name(self) -> str:
        return self.token.audit_name

    def get_username(self) -> str:
        return self.token.audit_name

    def has_scope(self, scope: str) -> bool:
        return scope in self.token.scopes

    def __str__(self) -> str:
        return self.token.audit_name


@transaction.atomic
def api_token_used(*, token: ApiToken, scope: str, request: HttpRequest) -> None:
    """Record a use of a token: the last-used time and an audit row naming the token and scope."""
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    audit.record(
        action=AuditAction.LOGIN,
        actor=ApiClient(token),
        obj=token,
        fields=[scope],
        request=request,
    )


@transaction.atomic
def api_token_refused(*, refusal: Refusal, token: ApiToken | None, request: HttpRequest, scope: str = "") -> None:
    """Record a refused attempt for the operator (a log line) and the audit trail, without the token.

    Only the prefix of a token that exists is named; of an unknown or malformed value nothing is
    kept, as it may be a secret of something else pasted by mistake. Each refusal counts towards
    the client's limit (``accounts.token_limits``); the start of a block is recorded here too.
    """
    if refusal != Refusal.THROTTLED:
        token_limits.failure_note(request)
    name = token.audit_name if token is not None else UNKNOWN_TOKEN
    LOGGER.warning(
        "API token refused: %s, token %s",
        refusal.value,
        token.prefix if token is not None else "unknown",
        extra={"event": "api_token_refused"},
    )
    audit.record(
        action=AuditAction.LOGIN_FAILED,
        # Never request.user: a browser session that sent the header is not who presented the token.
        actor=ApiClient(token) if token is not None else AnonymousUser(),
        actor_username=name,
        object_type=ApiToken._meta.label_lower,
        object_id=str(token.pk) if token is not None else "",
        fields=[refusal.value, *([scope] if scope else [])],
        request=request,
    )
