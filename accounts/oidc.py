"""Single sign-on with the police identity provider (OpenID Connect, authorization code flow).

A login is linked to a Person by the employee-number claim (``OIDC_EMPLOYEE_NUMBER_CLAIM``):
only people who are in service according to the HR import can log in, and their account is
created on the first login with the employee number as username. An existing account with
that username is only taken over when it is not linked to anyone and has neither a password nor
roles (see ``accounts.selectors.account_in_use``). Of the claims only the
name and e-mail address are kept; tokens are not stored.

When ``OIDC_TRUST_MFA`` is on and the ID token shows that the identity provider did a second
factor (``amr``/``acr``), Zorgwijzer does not ask for its own TOTP code again. Otherwise the
same TOTP rules apply as for a local account.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.validators import validate_email
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from accounts import selectors, services
from accounts.constants import IDP_SECOND_FACTOR_ATTR
from accounts.middleware import MFA_BY_IDP
from organisation.models import Person

LOGGER = logging.getLogger(__name__)

#: RFC 8176 authentication methods that are a possession or inherence factor.
SECOND_FACTOR_METHODS = frozenset(
    {"otp", "hwk", "swk", "sc", "sms", "tel", "pop", "fpt", "face", "iris", "retina", "vbm"}
)
#: ``acr`` values that promise multi-factor authentication; override with ``OIDC_MFA_ACR_VALUES``.
DEFAULT_MFA_ACR_VALUES = frozenset(
    {
        "http://schemas.openid.net/pape/policies/2007/06/multi-factor",
        "http://schemas.openid.net/pape/policies/2007/06/multi-factor-physical",
        "http://eidas.europa.eu/LoA/substantial",
        "http://eidas.europa.eu/LoA/high",
    }
)


def _as_set(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, Iterable):
        return {str(item) for item in value}
    return set()


def second_factor_by_idp(id_token_claims: dict[str, Any]) -> bool:
    """Whether the ID token shows a second factor: ``amr`` has "mfa" or a second method next to
    another one (e.g. pwd + otp), or ``acr`` is one of the multi-factor levels."""
    methods = _as_set(id_token_claims.get("amr"))
    if "mfa" in methods or (methods & SECOND_FACTOR_METHODS and len(methods) >= 2):
        return True
    acr_values = frozenset(getattr(settings, "OIDC_MFA_ACR_VALUES", DEFAULT_MFA_ACR_VALUES))
    return bool(_as_set(id_token_claims.get("acr")) & acr_values)


class ZorgwijzerOIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc backend that links the login to an active Person."""

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> dict[str, Any]:
        claims: dict[str, Any] = super().get_userinfo(access_token, id_token, payload)
        # OpenID Connect Core 5.3.2: the userinfo response must be about the ID token's subject.
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The userinfo subject differs from the ID token subject.")
        number_claim = settings.OIDC_EMPLOYEE_NUMBER_CLAIM
        if number_claim not in claims and number_claim in payload:
            claims = {**claims, number_claim: payload[number_claim]}
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if self._person(claims) is None:
            LOGGER.warning("SSO login refused: no active person with the employee number of the claims.")
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[Any]:
        person = self._person(claims)
        if person is None:
            return self.UserModel.objects.none()
        if person.user_id is not None:
            return self.UserModel.objects.filter(pk=person.user_id)
        # An account created earlier for this number whose link to the person was lost.
        return self.UserModel.objects.filter(username=person.employee_number, person__isnull=True)

    def create_user(self, claims: dict[str, Any]) -> Any:
        person = self._person(claims)
        if person is None or self.UserModel.objects.filter(username=person.employee_number).exists():
            raise SuspiciousOperation("No account can be created for these claims.")
        return services.sso_account_create(person=person, **self._profile(claims))

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:
        person = self._person(claims)
        if person is None:
            raise SuspiciousOperation("The person of this account is no longer active.")
        if person.user_id is None and selectors.account_in_use(user):
            # Only an account made for single sign-on may be linked here; one with a password or
            # roles of its own could belong to someone else, whose access would be taken over.
            LOGGER.warning(
                "SSO login refused: an unlinked account with this employee number has a password or roles; "
                "a functioneel beheerder must link it to the person first."
            )
            return None
        request = getattr(self, "request", None)
        return services.sso_account_update(user=user, person=person, request=request, **self._profile(claims))

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None:
            self._note_second_factor(payload)
        return user

    def _note_second_factor(self, id_token_claims: dict[str, Any]) -> None:
        """Remember for this session whether the identity provider already did a second factor.

        The login signal (accounts.receivers) re-applies the mark after Django renews the session.
        """
        by_idp = bool(settings.OIDC_TRUST_MFA) and second_factor_by_idp(id_token_claims)
        setattr(self.request, IDP_SECOND_FACTOR_ATTR, by_idp)
        if by_idp:
            self.request.session[MFA_BY_IDP] = True
        else:
            self.request.session.pop(MFA_BY_IDP, None)

    def _person(self, claims: dict[str, Any]) -> Person | None:
        number = str(claims.get(settings.OIDC_EMPLOYEE_NUMBER_CLAIM) or "").strip()
        if not number:
            return None
        cache: dict[str, Person | None] = self.__dict__.setdefault("_zw_people", {})
        if number not in cache:
            cache[number] = Person.objects.filter(employee_number=number, is_active=True).first()
        return cache[number]

    @staticmethod
    def _profile(claims: dict[str, Any]) -> dict[str, str]:
        """The only claims Zorgwijzer keeps: name and e-mail address."""
        email = str(claims.get("email") or "").strip()
        try:
            validate_email(email)
        except ValidationError:
            email = ""
        return {
            "first_name": str(claims.get("given_name") or "").strip()[:150],
            "last_name": str(claims.get("family_name") or "").strip()[:150],
            "email": email[:254],
        }
