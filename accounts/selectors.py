"""Reads of the accounts app: second-factor state, a user's roles, and whether an account may be linked."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation import selectors as organisation_selectors
from organisation.models import RoleAssignment


def has_confirmed_device(user: Any) -> bool:
    """Whether the user has a confirmed authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def role_assignments_of(user: Any) -> QuerySet[RoleAssignment]:
    """The user's role assignments with their scope, for the account page."""
    return RoleAssignment.objects.filter(user=user).select_related("unit", "node")


# Lives with the roles it reads, so organisation need not import accounts (accounts may import
# organisation, never the other way round).
account_in_use = organisation_selectors.account_in_use
