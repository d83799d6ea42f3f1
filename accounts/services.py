"""Writes of the accounts app: ending sessions and enrolling a second factor."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountSecurity
from core import audit
from core.models import AuditAction


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
