"""Single sign-on (OpenID Connect) with a mocked identity provider: no network is used."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.middleware import MFA_BY_IDP
from accounts.oidc import ZorgwijzerOIDCBackend, second_factor_by_idp
from core.models import AuditAction, AuditEvent
from organisation.constants import Role
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

CLIENT_SECRET = "test-client-secret-for-hs256-signatures-0123456789"
IDP = "https://idp.politie.example"
PEOPLE_URL = "/organisatie/medewerkers/"
User = get_user_model()


@pytest.fixture
def sso(settings: Any, db: None) -> Any:
    """Single sign-on switched on, with the identity provider's endpoints and our test URLs."""
    settings.OIDC_ENABLED = True
    settings.ROOT_URLCONF = "accounts.tests.urls_sso"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "accounts.oidc.ZorgwijzerOIDCBackend"]
    settings.OIDC_RP_CLIENT_ID = "zorgwijzer"
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{IDP}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{IDP}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{IDP}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{IDP}/jwks"
    settings.OIDC_EMPLOYEE_NUMBER_CLAIM = "employee_number"
    settings.OIDC_TRUST_MFA = False
    return settings


class FakeIdentityProvider:
    """Answers the token and userinfo requests that mozilla-django-oidc sends with ``requests``."""

    def __init__(self) -> None:
        self.id_token_claims: dict[str, Any] = {}
        self.userinfo: dict[str, Any] = {}
        self.nonce = ""

    def person(self, number: str, **claims: Any) -> None:
        subject = f"sub-{number}"
        self.id_token_claims = {"sub": subject, **claims.pop("id_token", {})}
        self.userinfo = {
            "sub": subject,
            "employee_number": number,
            "given_name": "Sanne",
            "family_name": "de Vries",
            "email": "sanne.devries@politie.example",
            **claims,
        }

    def post(self, url: str, **kwargs: Any) -> mock.Mock:
        assert url == f"{IDP}/token"
        assert kwargs["data"]["client_secret"] == CLIENT_SECRET
        claims = {"iss": IDP, "aud": "zorgwijzer", "nonce": self.nonce, **self.id_token_claims}
        id_token = jwt.encode(claims, CLIENT_SECRET, algorithm="HS256")
        return mock.Mock(status_code=200, json=lambda: {"id_token": id_token, "access_token": "access-token"})

    def get(self, url: str, **kwargs: Any) -> mock.Mock:
        assert url == f"{IDP}/userinfo"
        assert kwargs["headers"]["Authorization"] == "Bearer access-token"
        response = mock.Mock(headers={"content-type": "application/json"}, json=lambda: self.userinfo)
        response.raise_for_status.return_value = None
        return response


@pytest.fixture
def idp(sso: Any) -> Iterator[FakeIdentityProvider]:
    provider = FakeIdentityProvider()
    with (
        mock.patch("mozilla_django_oidc.auth.requests.post", side_effect=provider.post),
        mock.patch("mozilla_django_oidc.auth.requests.get", side_effect=provider.get),
    ):
        yield provider


def sso_login(client: Client, idp: FakeIdentityProvider, next_url: str = "") -> Any:
    """Run the authorization code flow: our redirect to the provider, then its callback."""
    start = client.get(reverse("oidc_authentication_init"), {"next": next_url} if next_url else {})
    assert start.status_code == 302
    assert start["Location"].startswith(f"{IDP}/authorize?")
    params = parse_qs(urlsplit(start["Location"]).query)
    idp.nonce = params["nonce"][0]
    return client.get(
        reverse("oidc_authentication_callback"), {"code": "authorization-code", "state": params["state"][0]}
    )


def logged_in_user(client: Client) -> Any:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_login_page_shows_the_sso_button_when_sso_is_enabled(client: Client, sso: Any) -> None:
    response = client.get(reverse("accounts:login"))

    page = response.content.decode()
    assert "Inloggen met je politieaccount (single sign-on)" in page
    assert f'href="{reverse("oidc_authentication_init")}"' in page


def test_first_sso_login_creates_an_account_linked_to_the_person(client: Client, idp: FakeIdentityProvider) -> None:
    person: Any = PersonFactory(employee_number="2040608", user=None)
    idp.person("2040608", phone_number="0612345678", birthdate="1980-01-01", groups=["recherche"])

    response = sso_login(client, idp)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    user = logged_in_user(client)
    assert user.username == "2040608"
    person.refresh_from_db()
    assert person.user == user
    assert (user.first_name, user.last_name, user.email) == ("Sanne", "de Vries", "sanne.devries@politie.example")
    assert not user.has_usable_password()
    stored = str(dict(client.session.items())) + str(User.objects.filter(pk=user.pk).values().get())
    for claim_value in ("0612345678", "1980-01-01", "recherche", "access-token"):
        assert claim_value not in stored
    event = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert event.actor == user
    assert event.fields == ["sso"]


def test_sso_login_uses_the_account_already_linked_to_the_person(
    client: Client, organisation: Any, idp: FakeIdentityProvider
) -> None:
    employee = organisation.users[Role.MEDEWERKER]
    idp.person(organisation.people[Role.MEDEWERKER].employee_number, given_name="Nieuwe", email="")
    users_before = User.objects.count()

    sso_login(client, idp)

    assert logged_in_user(client) == employee
    assert User.objects.count() == users_before
    employee.refresh_from_db()
    assert employee.first_name == "Nieuwe"
    assert employee.email == ""
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_sso_login_reuses_an_unlinked_account_made_for_single_sign_on(
    client: Client, idp: FakeIdentityProvider
) -> None:
    person: Any = PersonFactory(employee_number="2040608", user=None)
    existing: Any = UserFactory(username="2040608", password="!")
    idp.person("2040608")

    sso_login(client, idp)

    assert logged_in_user(client) == existing
    person.refresh_from_db()
    assert person.user == existing


@pytest.mark.parametrize("in_use_by", ["password", "role"])
def test_sso_login_does_not_take_over_an_unlinked_account_with_a_password_or_roles(
    client: Client, organisation: Any, idp: FakeIdentityProvider, caplog: pytest.LogCaptureFixture, in_use_by: str
) -> None:
    person: Any = PersonFactory(employee_number="2040608", user=None)
    no_password = {"password": "!"} if in_use_by == "role" else {}
    existing: Any = UserFactory(username="2040608", first_name="Oud", **no_password)
    if in_use_by == "role":
        RoleAssignmentFactory(user=existing, role=Role.BMW, unit=organisation.unit)
    idp.person("2040608")

    with caplog.at_level(logging.WARNING, logger="accounts.oidc"):
        response = sso_login(client, idp)

    assert response["Location"] == "/account/inloggen/"  # LOGIN_REDIRECT_URL_FAILURE
    assert logged_in_user(client) is None
    person.refresh_from_db()
    assert person.user is None
    existing.refresh_from_db()
    assert existing.first_name == "Oud"
    warnings = [r for r in caplog.records if r.name == "accounts.oidc" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    for personal in ("2040608", "Sanne", "de Vries", "sanne.devries"):
        assert personal not in warnings[0].getMessage()
    assert not AuditEvent.objects.filter(action=AuditAction.LOGIN).exists()


def test_backend_refuses_an_unlinked_account_in_use_when_called_directly(
    idp: FakeIdentityProvider, sso: Any, db: None
) -> None:
    PersonFactory(employee_number="2040608", user=None)
    UserFactory(username="2040608")
    idp.person("2040608")
    idp.nonce = "nonce-123"
    request = RequestFactory().get("/oidc/callback/", {"code": "authorization-code", "state": "state-123"})
    request.session = SessionStore()

    assert ZorgwijzerOIDCBackend().authenticate(request, nonce="nonce-123") is None


def test_name_and_email_changes_from_sso_are_audited_by_field_name_only(
    client: Client, organisation: Any, idp: FakeIdentityProvider
) -> None:
    employee = organisation.users[Role.MEDEWERKER]
    number = organisation.people[Role.MEDEWERKER].employee_number
    idp.person(number, given_name="Nieuwe", family_name=employee.last_name, email="nieuw@politie.example")

    sso_login(client, idp)

    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="auth.user")
    assert event.object_id == str(employee.pk)
    assert event.actor == employee
    assert event.subject_employee_number == number
    assert event.fields == ["email", "first_name"]
    assert event.path == reverse("oidc_authentication_callback")
    stored = str(AuditEvent.objects.filter(pk=event.pk).values().get())
    assert "Nieuwe" not in stored
    assert "nieuw@politie.example" not in stored

    client.logout()
    sso_login(client, idp)  # the same claims again: nothing changes, nothing is recorded

    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="auth.user").count() == 1


def test_sso_login_is_refused_without_an_active_person(client: Client, idp: FakeIdentityProvider) -> None:
    PersonFactory(employee_number="7777777", is_active=False, user=None)
    users_before = User.objects.count()

    for number in ("9999999", "7777777", ""):
        idp.person(number)
        response = sso_login(client, idp)

        assert response.status_code == 302
        assert response["Location"] == "/account/inloggen/"  # LOGIN_REDIRECT_URL_FAILURE
        assert logged_in_user(client) is None
    assert User.objects.count() == users_before


def test_sso_login_is_refused_when_userinfo_is_about_someone_else(client: Client, idp: FakeIdentityProvider) -> None:
    PersonFactory(employee_number="2040608", user=None)
    idp.person("2040608")
    idp.userinfo["sub"] = "sub-of-someone-else"

    sso_login(client, idp)

    assert logged_in_user(client) is None


def test_refused_sso_logins_do_not_lock_out_single_sign_on(
    client: Client, idp: FakeIdentityProvider, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    PersonFactory(employee_number="2040608", user=None)
    for _ in range(4):
        idp.person("9999999")
        sso_login(Client(), idp)

    idp.person("2040608")
    sso_login(client, idp)

    assert logged_in_user(client).username == "2040608"


def test_sso_login_follows_a_next_url_on_this_site(client: Client, idp: FakeIdentityProvider) -> None:
    PersonFactory(employee_number="2040608", user=None)
    idp.person("2040608")

    assert sso_login(client, idp, next_url="/account/")["Location"] == "/account/"
    client.logout()
    assert sso_login(client, idp, next_url="https://evil.example/")["Location"] == reverse("portal:home")


def test_trusted_second_factor_at_the_identity_provider_skips_totp(
    client: Client, organisation: Any, idp: FakeIdentityProvider, sso: Any
) -> None:
    sso.OIDC_TRUST_MFA = True
    idp.person(organisation.people[Role.BEDRIJFSARTS].employee_number, id_token={"amr": ["pwd", "otp"]})

    sso_login(client, idp)

    assert logged_in_user(client) == organisation.users[Role.BEDRIJFSARTS]
    assert client.session[MFA_BY_IDP] is True
    assert client.get(PEOPLE_URL).status_code == 200


def test_second_factor_at_the_identity_provider_is_ignored_unless_trusted(
    client: Client, organisation: Any, idp: FakeIdentityProvider
) -> None:
    idp.person(organisation.people[Role.BEDRIJFSARTS].employee_number, id_token={"amr": ["pwd", "otp"]})

    sso_login(client, idp)

    assert MFA_BY_IDP not in client.session
    response = client.get(PEOPLE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))


def test_sso_login_with_one_factor_still_needs_totp(
    client: Client, organisation: Any, idp: FakeIdentityProvider, sso: Any
) -> None:
    sso.OIDC_TRUST_MFA = True
    idp.person(organisation.people[Role.BEDRIJFSARTS].employee_number, id_token={"amr": ["pwd"]})

    sso_login(client, idp)

    assert MFA_BY_IDP not in client.session
    assert client.get(PEOPLE_URL).status_code == 302


def test_sso_login_as_another_user_drops_the_earlier_second_factor_mark(
    client: Client, organisation: Any, idp: FakeIdentityProvider, sso: Any
) -> None:
    sso.OIDC_TRUST_MFA = True
    idp.person(organisation.people[Role.MEDEWERKER].employee_number, id_token={"amr": ["mfa"]})
    sso_login(client, idp)
    assert client.session[MFA_BY_IDP] is True

    idp.person(organisation.people[Role.BEDRIJFSARTS].employee_number, id_token={"amr": ["pwd"]})
    sso_login(client, idp)

    assert logged_in_user(client) == organisation.users[Role.BEDRIJFSARTS]
    assert MFA_BY_IDP not in client.session


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"amr": ["mfa"]}, True),
        ({"amr": ["pwd", "otp"]}, True),
        ({"amr": ["hwk", "pin"]}, True),
        ({"amr": "mfa"}, True),
        ({"acr": "http://eidas.europa.eu/LoA/substantial"}, True),
        ({"amr": ["pwd"]}, False),
        ({"amr": ["otp"]}, False),
        ({"amr": ["pwd", "kba"]}, False),
        ({"acr": "http://eidas.europa.eu/LoA/low"}, False),
        ({"amr": None}, False),
        ({}, False),
    ],
)
def test_second_factor_is_read_from_amr_and_acr(claims: dict[str, Any], expected: bool) -> None:
    assert second_factor_by_idp(claims) is expected


def test_backend_links_the_person_and_marks_the_session_when_called_directly(
    idp: FakeIdentityProvider, sso: Any, db: None
) -> None:
    sso.OIDC_TRUST_MFA = True
    person: Any = PersonFactory(employee_number="2040608", user=None)
    idp.person("2040608", id_token={"acr": "http://eidas.europa.eu/LoA/high"})
    idp.nonce = "nonce-123"
    request = RequestFactory().get("/oidc/callback/", {"code": "authorization-code", "state": "state-123"})
    request.session = SessionStore()

    user = ZorgwijzerOIDCBackend().authenticate(request, nonce="nonce-123")

    assert user is not None
    person.refresh_from_db()
    assert person.user == user
    assert request.session[MFA_BY_IDP] is True


def test_backend_refuses_a_token_with_the_wrong_nonce(idp: FakeIdentityProvider, sso: Any, db: None) -> None:
    PersonFactory(employee_number="2040608", user=None)
    idp.person("2040608")
    idp.nonce = "nonce-from-an-earlier-login"
    request = RequestFactory().get("/oidc/callback/", {"code": "authorization-code", "state": "state-123"})
    request.session = SessionStore()

    with pytest.raises(Exception, match="Nonce"):
        ZorgwijzerOIDCBackend().authenticate(request, nonce="nonce-123")
