"""Receivers: what happens when anyone logs in, whichever way (password form, single sign-on, tests)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from accounts import services
from accounts.constants import IDP_SECOND_FACTOR_ATTR, OIDC_BACKEND
from accounts.middleware import LAST_SEEN, LOGIN_AT, MFA_BY_IDP


@receiver(user_logged_in, dispatch_uid="accounts.session_start")
def session_start(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Stamp the new session and decide whether the identity provider's second factor counts.

    Only a login through single sign-on may carry the identity provider's second factor; any
    other login drops the mark, so it can never leak from an earlier attempt in the same
    browser session into a password login.
    """
    if request is None or not hasattr(request, "session"):
        return
    request.session[LOGIN_AT] = timezone.now().isoformat()
    request.session[LAST_SEEN] = int(time.time())
    by_sso = getattr(user, "backend", "") == OIDC_BACKEND
    if by_sso and getattr(request, IDP_SECOND_FACTOR_ATTR, False):
        request.session[MFA_BY_IDP] = True
    else:
        request.session.pop(MFA_BY_IDP, None)
    if by_sso:
        services.login_record(user=user, request=request, fields=["sso"])


@receiver(user_login_failed, dispatch_uid="accounts.login_failure")
def login_failure(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
    """Record a failed password login (wrong password, unknown or locked account) with the username typed.

    Only attempts that carried a username and password are password logins; a refused single
    sign-on callback has neither and is logged by the OIDC backend instead. Django already masks
    the password in ``credentials``; it is never read here.
    """
    if "password" not in credentials:
        return
    services.login_failure_record(username=str(credentials.get("username") or ""), request=request)
