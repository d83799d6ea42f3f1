"""What happens when anyone logs in, whichever way (password form, single sign-on, tests)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from accounts.middleware import LAST_SEEN, LOGIN_AT, MFA_BY_IDP
from core import audit
from core.models import AuditAction

OIDC_BACKEND = "accounts.oidc.ZorgwijzerOIDCBackend"
#: Request attribute on which the OIDC backend notes that the identity provider did a second factor.
IDP_SECOND_FACTOR_ATTR = "zw_idp_second_factor"


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
        audit.record(action=AuditAction.LOGIN, actor=user, obj=user, fields=["sso"], request=request)
