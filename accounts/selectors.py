"""Reads of the accounts app: second-factor state, a user's roles, and whether an account may be linked."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation.models import RoleAssignment


def has_confirmed_device(user: Any) -> bool:
    """Whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def role_assignments_of(user: Any) -> QuerySet[RoleAssignment]:
    """The user's role assignments with their scope, for the account page."""
    return RoleAssignment.objects.filter(user=user).select_related("unit", "node")


def account_in_use(user: Any) -> bool:
    """Whether an account already grants access of its own: a usable password or any role.

    Such an account, when not linked to a person, must never be taken over by whoever has the
    employee number that equals its username (single sign-on or a role grant); a functioneel
    beheerder has to link it first.
    """
    return bool(user.has_usable_password()) or RoleAssignment.objects.filter(user=user).exists()
