"""Session rules: idle expiry, maximum session length, 'log out everywhere', and the mandatory second factor."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from access import is_public, requires_two_factor

LOGIN_AT = "zw_login_at"
LAST_SEEN = "zw_last_seen"
LAST_SEEN_RESOLUTION = 60  # seconds
MFA_BY_IDP = "zw_mfa_by_idp"


class SessionSecurityMiddleware(MiddlewareMixin):
    """Ends a session after inactivity, ``SESSION_COOKIE_AGE`` after login, or when the user chose
    to log out on all devices.

    The check runs in ``process_view`` rather than ``__call__``: this middleware sits before
    the message middleware, so only once every middleware has prepared the request can it
    tell the user why they were logged out.
    """

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        if getattr(view_func, "unlogged", False):
            # Anonymous submissions (the anonymous line, a vote, a survey answer) must not write a
            # session row: its user id and time would sit next to the submission in the database.
            # Nor may an idle timeout throw away what the visitor was writing.
            return None
        if self._expired(request):
            logout(request)
            messages.info(request, _("Je sessie is verlopen. Log opnieuw in."))
            if request.method == "GET":
                return redirect_to_login(request.get_full_path())
            return redirect(settings.LOGIN_URL)
        now = int(time.time())
        # Refresh at most once a minute: a session write on every request costs a database write.
        if now - int(request.session.get(LAST_SEEN, 0)) >= LAST_SEEN_RESOLUTION:
            request.session[LAST_SEEN] = now
        return None

    @staticmethod
    def _expired(request: HttpRequest) -> bool:
        last_seen = request.session.get(LAST_SEEN)
        if last_seen is not None and time.time() - int(last_seen) > settings.SESSION_IDLE_TIMEOUT:
            return True
        login_at = parse_datetime(request.session.get(LOGIN_AT, "") or "")
        # Every login stamps LOGIN_AT (accounts.receivers); a session without it cannot be trusted.
        if login_at is None:
            return True
        # Maximum session length: refreshing LAST_SEEN renews the stored session's expiry, so
        # without this check an active session would never end.
        if timezone.now() - login_at > dt.timedelta(seconds=settings.SESSION_COOKIE_AGE):
            return True
        security = getattr(request.user, "security", None)
        valid_after = getattr(security, "sessions_valid_after", None)
        return valid_after is not None and login_at <= valid_after


#: Paths a user without a verified second factor may still open.
_TWO_FACTOR_EXEMPT_NAMES = {
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:logout",
    "portal:help",
    "core:healthz",
    "set_language",
}


class TwoFactorRequiredMiddleware(MiddlewareMixin):
    """Users whose role reaches other people's care data must pass a TOTP check first."""

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.session.get(MFA_BY_IDP):  # type: ignore[union-attr,attr-defined]
            return None
        match = request.resolver_match
        name = f"{match.namespace}:{match.url_name}" if match and match.namespace else (match.url_name if match else "")
        if name in _TWO_FACTOR_EXEMPT_NAMES or is_public(view_func) or request.path.startswith(settings.STATIC_URL):
            return None
        if not requires_two_factor(user):
            return None
        target = reverse("accounts:two_factor_verify")
        if request.method == "GET":
            target = f"{target}?{urlencode({'next': request.get_full_path()})}"
        return redirect(target)
