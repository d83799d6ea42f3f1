"""Local login with a password: hashing, lock-out, audit, logout, idle and maximum session length, redirects."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django.urls import reverse

from conftest import PASSWORD
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

LOGIN_URL = reverse("accounts:login")
PROFILE_URL = reverse("accounts:profile")


def password_login(client: Client, username: str, password: str = PASSWORD, **extra: str) -> Any:
    return client.post(LOGIN_URL, {"username": username, "password": password, **extra})


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def employee(organisation: Any) -> Any:
    return organisation.users[Role.MEDEWERKER]


def test_login_with_correct_password_works_and_password_is_stored_as_argon2(client: Client, employee: Any) -> None:
    response = password_login(client, employee.username)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
    assert is_logged_in(client)
    employee.refresh_from_db()
    assert employee.password.startswith("argon2")


def test_wrong_password_shows_dutch_error_at_the_form(client: Client, employee: Any) -> None:
    response = password_login(client, employee.username, "Verkeerd-wachtwoord-999")

    assert response.status_code == 200
    assert not is_logged_in(client)
    assert "De combinatie van gebruikersnaam en wachtwoord klopt niet" in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_account_is_locked_after_too_many_failed_attempts(
    client: Client, organisation: Any, employee: Any, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        password_login(client, employee.username, "Verkeerd-wachtwoord-999")

    response = password_login(client, employee.username)

    assert response.status_code == settings.AXES_HTTP_RESPONSE_CODE == 429
    assert not is_logged_in(client)
    page = response.content.decode()
    assert "Account tijdelijk geblokkeerd" in page
    assert "Er is te vaak een verkeerd wachtwoord ingevuld" in page
    # The lock is per account: a colleague behind the same proxy can still log in.
    colleague = organisation.users[Role.INHOUDSBEHEERDER]
    assert password_login(Client(), colleague.username).status_code == 302


def test_failed_attempts_below_the_limit_do_not_lock(client: Client, employee: Any, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        password_login(client, employee.username, "Verkeerd-wachtwoord-999")

    assert password_login(client, employee.username).status_code == 302


def test_login_is_recorded_in_the_audit_trail(client: Client, employee: Any) -> None:
    password_login(client, employee.username)

    event = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert event.actor == employee
    assert event.actor_username == employee.username
    assert event.path == LOGIN_URL


def test_logout_only_accepts_post_and_ends_the_session(client: Client, employee: Any) -> None:
    password_login(client, employee.username)

    assert client.get(reverse("accounts:logout")).status_code == 405
    assert is_logged_in(client)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert not is_logged_in(client)
    assert client.get(PROFILE_URL).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT, actor=employee).exists()


def test_log_out_everywhere_ends_the_users_other_sessions(organisation: Any, employee: Any) -> None:
    laptop, phone, colleague = Client(), Client(), Client()
    password_login(laptop, employee.username)
    password_login(phone, employee.username)
    password_login(colleague, organisation.users[Role.INHOUDSBEHEERDER].username)
    assert laptop.get(PROFILE_URL).status_code == 200

    response = phone.post(reverse("accounts:logout_everywhere"), follow=True)

    assert "Je bent op alle apparaten uitgelogd." in response.content.decode()
    assert not is_logged_in(phone)
    stale = laptop.get(PROFILE_URL)
    assert stale.status_code == 302
    assert stale["Location"].startswith(LOGIN_URL)
    assert not is_logged_in(laptop)
    # Someone else's session is untouched, and logging in again works.
    assert colleague.get(reverse("portal:home")).status_code == 200
    assert is_logged_in(colleague)
    password_login(laptop, employee.username)
    assert laptop.get(PROFILE_URL).status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.LOGOUT, actor=employee)
    assert event.fields == ["alle_sessies"]


def test_log_out_everywhere_requires_post(client: Client, employee: Any) -> None:
    password_login(client, employee.username)

    assert client.get(reverse("accounts:logout_everywhere")).status_code == 405
    assert client.get(PROFILE_URL).status_code == 200


def test_idle_session_expires_after_the_idle_timeout(
    client: Client, employee: Any, settings: Any, time_machine: Any
) -> None:
    start = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
    time_machine.move_to(start, tick=False)
    password_login(client, employee.username)
    timeout = dt.timedelta(seconds=settings.SESSION_IDLE_TIMEOUT)

    time_machine.move_to(start + timeout - dt.timedelta(seconds=5), tick=False)
    assert client.get(PROFILE_URL).status_code == 200  # activity keeps the session alive

    time_machine.move_to(start + 2 * timeout - dt.timedelta(seconds=10), tick=False)
    assert client.get(PROFILE_URL).status_code == 200

    time_machine.move_to(start + 3 * timeout, tick=False)
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert not is_logged_in(client)
    login_page = client.get(response["Location"])
    assert "Je sessie is verlopen. Log opnieuw in." in login_page.content.decode()


def test_an_active_session_ends_after_the_maximum_session_length(
    client: Client, employee: Any, settings: Any, time_machine: Any
) -> None:
    start = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
    time_machine.move_to(start, tick=False)
    password_login(client, employee.username)
    maximum = dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    step = dt.timedelta(minutes=5)  # well inside the idle timeout

    moment = start + step
    while moment < start + maximum:
        time_machine.move_to(moment, tick=False)
        assert client.get(PROFILE_URL).status_code == 200, f"ended early, at {moment - start}"
        moment += step

    time_machine.move_to(start + maximum + dt.timedelta(seconds=1), tick=False)
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)
    assert not is_logged_in(client)
    assert "Je sessie is verlopen. Log opnieuw in." in client.get(response["Location"]).content.decode()


def test_a_session_without_a_login_stamp_is_ended(client: Client, employee: Any) -> None:
    password_login(client, employee.username)
    session = client.session
    del session["zw_login_at"]
    session.save()

    assert client.get(PROFILE_URL).status_code == 302
    assert not is_logged_in(client)


@pytest.mark.parametrize("known_user", [True, False])
def test_a_failed_password_login_is_recorded_with_the_typed_username_but_never_the_password(
    client: Client, employee: Any, known_user: bool
) -> None:
    username = employee.username if known_user else "niet-bestaand"
    wrong_password = "Verkeerd-wachtwoord-999"

    password_login(client, username, wrong_password, next=PROFILE_URL)

    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert event.actor is None
    assert event.actor_username == username
    assert event.object_type == "auth.user"
    assert event.path == LOGIN_URL
    assert event.ip_address == "127.0.0.1"
    assert event.request_id
    stored = str(AuditEvent.objects.filter(pk=event.pk).values().get())
    assert wrong_password not in stored
    assert PASSWORD not in stored


def test_a_failed_login_while_someone_is_logged_in_names_the_typed_username(organisation: Any, employee: Any) -> None:
    request = RequestFactory().post(LOGIN_URL)
    request.user = organisation.users[Role.INHOUDSBEHEERDER]

    assert authenticate(request, username=employee.username, password="Verkeerd-wachtwoord-999") is None

    event = AuditEvent.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (event.actor, event.actor_username) == (None, employee.username)


def test_a_successful_login_records_no_failure(client: Client, employee: Any) -> None:
    password_login(client, employee.username)

    assert not AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).exists()


def test_login_ignores_a_next_parameter_pointing_to_another_site(client: Client, employee: Any) -> None:
    response = client.post(
        f"{LOGIN_URL}?next=https://evil.example/", {"username": employee.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")

    client.post(reverse("accounts:logout"))
    response = password_login(client, employee.username, next="https://evil.example/phish")
    assert response["Location"] == reverse("portal:home")


def test_login_follows_a_next_parameter_on_this_site(client: Client, employee: Any) -> None:
    response = password_login(client, employee.username, next=PROFILE_URL)

    assert response["Location"] == PROFILE_URL


def test_login_page_has_no_sso_button_when_sso_is_off(client: Client, db: None) -> None:
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    assert "single sign-on" not in response.content.decode()
