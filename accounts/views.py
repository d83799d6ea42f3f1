"""Login, logout, second factor and the user's own account page."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, cast
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import match_token

from access import login_required, requires_two_factor
from accounts import selectors, services
from accounts.forms import LoginForm, TokenForm

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class ZorgwijzerLoginView(LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        user = form.get_user()
        services.login_record(user=user, request=self.request)
        if not requires_two_factor(user):
            return response
        target = "accounts:two_factor_verify"
        if not selectors.has_confirmed_device(user):
            target = "accounts:two_factor_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': self.get_success_url()})}")

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        return context


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        services.logout_record(user=request.user, request=request)
    logout(request)
    messages.success(request, _("Je bent uitgelogd."))
    return redirect("portal:home")


@require_POST
@login_required
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    services.sessions_end_all(user=request.user, request=request)
    logout(request)
    messages.success(request, _("Je bent op alle apparaten uitgelogd."))
    return redirect("portal:home")


def _account(request: HttpRequest) -> User:
    """The logged-in user of a view behind ``login_required``."""
    return cast("User", request.user)


def _safe_next(request: HttpRequest) -> str:
    """The page to continue to after the second factor; only pages on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup: no XML declaration, no style attributes (strict CSP)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    markup = image.to_string(encoding="unicode")
    return markup[markup.index("<svg") :]


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: scan the QR code (or type the key), then confirm with a code.

    Someone who already has an authenticator must prove it before enrolling another one;
    otherwise a stolen password alone would be enough to replace the second factor.
    """
    if selectors.has_confirmed_device(request.user) and not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:two_factor_verify")
    device = services.totp_device_pending(user=request.user, request=request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            services.totp_device_confirm(user=request.user, device=device, request=request)
            otp_login(request, device)
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return redirect(_safe_next(request))
        form.add_error("token", _("Deze code klopt niet. Controleer de tijd op je telefoon en probeer de nieuwe code."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _safe_next(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    if not selectors.has_confirmed_device(request.user):
        return redirect("accounts:two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request))
        services.two_factor_failure_record(user=_account(request), request=request)
        form.add_error(
            "token", _("Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.")
        )
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _safe_next(request)})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    context = {
        "assignments": selectors.role_assignments_of(_account(request)),
        "person": getattr(request.user, "person", None),
        "two_factor_required": requires_two_factor(request.user),
        "two_factor_active": selectors.has_confirmed_device(request.user),
    }
    return render(request, "accounts/profile.html", context)
