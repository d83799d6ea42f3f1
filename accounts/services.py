"""Writes of the accounts app: the login trail, ending sessions, enrolling a second factor, single sign-on accounts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountSecurity
from core import audit
from core.models import AuditAction
from organisation.models import Person


@transaction.atomic
def login_record(*, user: Any, request: Any = None, fields: Iterable[str] = ()) -> None:
    """Record a successful login (``fields=["sso"]`` for single sign-on)."""
    audit.record(action=AuditAction.LOGIN, actor=user, obj=user, fields=fields, request=request)


@transaction.atomic
def logout_record(*, user: Any, request: Any = None) -> None:
    """Record that a user logs out of this session."""
    audit.record(action=AuditAction.LOGOUT, actor=user, obj=user, request=request)


@transaction.atomic
def login_failure_record(*, username: str, request: Any = None) -> None:
    """Record a failed password login under the username that was typed (never the password)."""
    audit.record(
        action=AuditAction.LOGIN_FAILED,
        actor=AnonymousUser(),  # not request.user: someone else may still be logged in on this browser
        actor_username=username,
        object_type="auth.user",
        request=request,
    )


@transaction.atomic
def two_factor_failure_record(*, user: Any, request: Any = None) -> None:
    """Record a wrong or reused second-factor code."""
    audit.record(
        action=AuditAction.LOGIN_FAILED, actor=user, obj=user, fields=["tweestapsverificatie"], request=request
    )


@transaction.atomic
def sessions_end_all(*, user: Any, request: Any = None) -> None:
    """End every session of this user on every device, including the current one."""
    AccountSecurity.objects.update_or_create(user=user, defaults={"sessions_valid_after": timezone.now()})
    audit.record(action=AuditAction.LOGOUT, actor=user, obj=user, fields=["alle_sessies"], request=request)


@transaction.atomic
def totp_device_pending(*, user: Any, request: Any = None) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created (and audited) when absent."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Zorgwijzer", confirmed=False)
        audit.log_change(
            actor=user, obj=device, action=AuditAction.CREATE, fields=["tweestapsverificatie"], request=request
        )
    return device


@transaction.atomic
def totp_device_confirm(*, user: Any, device: TOTPDevice, request: Any = None) -> None:
    """Confirm a freshly verified device and retire any older ones."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit.record(action=AuditAction.CREATE, actor=user, obj=device, fields=["tweestapsverificatie"], request=request)


@transaction.atomic
def sso_account_create(*, person: Person, first_name: str = "", last_name: str = "", email: str = "") -> Any:
    """Create the account of a person who logs in by single sign-on for the first time.

    The username is the employee number; the account has no usable password, so it can
    only be reached through the identity provider.
    """
    user = get_user_model().objects.create_user(
        username=person.employee_number, email=email, first_name=first_name, last_name=last_name
    )
    _person_link(person=person, user=user)
    return user


@transaction.atomic
def sso_account_update(
    *, user: Any, person: Person, first_name: str = "", last_name: str = "", email: str = "", request: Any = None
) -> Any:
    """Refresh name and e-mail from the identity provider; nothing else from it is stored.

    The audit row names the changed fields, never their old or new values.
    """
    new_values = {"first_name": first_name, "last_name": last_name, "email": email}
    changed = [field for field, value in new_values.items() if value and getattr(user, field) != value]
    for field in changed:
        setattr(user, field, new_values[field])
    if changed:
        user.save(update_fields=changed)
        audit.log_change(actor=user, obj=user, fields=changed, person=person, request=request)
    if person.user_id is None:
        _person_link(person=person, user=user)
    return user


def _person_link(*, person: Person, user: Any) -> None:
    person.user = user
    person.save(update_fields=["user"])
    audit.record(action=AuditAction.UPDATE, actor=user, obj=person, fields=["user"])
