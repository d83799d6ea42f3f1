"""Writes of the accounts app: ending sessions, enrolling a second factor, single sign-on accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountSecurity
from core import audit
from core.models import AuditAction
from organisation.models import Person


@transaction.atomic
def sessions_end_all(*, user: Any, request: Any = None) -> None:
    """End every session of this user on every device, including the current one."""
    AccountSecurity.objects.update_or_create(user=user, defaults={"sessions_valid_after": timezone.now()})
    audit.record(action=AuditAction.LOGOUT, actor=user, obj=user, fields=["alle_sessies"], request=request)


def totp_device_pending(*, user: Any) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created when absent."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Zorgwijzer", confirmed=False)
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
def sso_account_update(*, user: Any, person: Person, first_name: str = "", last_name: str = "", email: str = "") -> Any:
    """Refresh name and e-mail from the identity provider; nothing else from it is stored."""
    new_values = {"first_name": first_name, "last_name": last_name, "email": email}
    changed = [field for field, value in new_values.items() if value and getattr(user, field) != value]
    for field in changed:
        setattr(user, field, new_values[field])
    if changed:
        user.save(update_fields=changed)
    if person.user_id is None:
        _person_link(person=person, user=user)
    return user


def _person_link(*, person: Person, user: Any) -> None:
    person.user = user
    person.save(update_fields=["user"])
    audit.record(action=AuditAction.UPDATE, actor=user, obj=person, fields=["user"])
