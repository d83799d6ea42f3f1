"""The second factor (TOTP) for roles that can see other people's care data."""

from __future__ import annotations

import base64
import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from access import CARE_DATA_ROLES
from accounts.tests.test_login import password_login
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

SETUP_URL = reverse("accounts:two_factor_setup")
VERIFY_URL = reverse("accounts:two_factor_verify")
PEOPLE_URL = reverse("organisation:people")
START = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)


def current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


def enrol(client: Client, user: Any) -> TOTPDevice:
    """Open the enrolment page and confirm the new device with its current code."""
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP_URL, {"token": current_code(device)})
    assert response.status_code == 302
    return device


@pytest.fixture
def doctor(organisation: Any) -> Any:
    return organisation.users[Role.BEDRIJFSARTS]


@pytest.fixture(autouse=True)
def frozen_time(time_machine: Any) -> None:
    time_machine.move_to(START, tick=False)


def test_care_data_roles_include_the_roles_that_see_care_data() -> None:
    assert {Role.BEDRIJFSARTS, Role.LEIDINGGEVENDE} <= CARE_DATA_ROLES
    assert Role.MEDEWERKER not in CARE_DATA_ROLES


def test_medewerker_logs_in_without_a_second_factor(client: Client, organisation: Any) -> None:
    response = password_login(client, organisation.users[Role.MEDEWERKER].username)

    assert response["Location"] == reverse("portal:home")
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.parametrize("role", [Role.BEDRIJFSARTS, Role.LEIDINGGEVENDE])
def test_care_data_role_is_sent_to_enrolment_on_first_login(client: Client, organisation: Any, role: Role) -> None:
    response = password_login(client, organisation.users[role].username)

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP_URL)


def test_care_data_role_cannot_open_people_before_verifying(client: Client, doctor: Any) -> None:
    password_login(client, doctor.username)

    response = client.get(PEOPLE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY_URL)
    # Without a device yet, the verify page leads on to enrolment.
    assert client.get(response["Location"])["Location"].startswith(SETUP_URL)


def test_enrolment_with_a_valid_code_gives_access(client: Client, doctor: Any) -> None:
    response = password_login(client, doctor.username, next=PEOPLE_URL)
    client.get(response["Location"])
    device = TOTPDevice.objects.get(user=doctor, confirmed=False)

    response = client.post(response["Location"], {"token": current_code(device), "next": PEOPLE_URL})

    assert response.status_code == 302
    assert response["Location"] == PEOPLE_URL
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(PEOPLE_URL).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, actor=doctor, object_type="otp_totp.totpdevice"
    ).exists()


def test_creating_an_authenticator_for_enrolment_is_audited_once(client: Client, doctor: Any) -> None:
    password_login(client, doctor.username)

    client.get(SETUP_URL)
    client.get(SETUP_URL)  # the same pending device is shown again, not a new one

    device = TOTPDevice.objects.get(user=doctor, confirmed=False)
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_type="otp_totp.totpdevice")
    assert (event.object_id, event.actor, event.fields) == (str(device.pk), doctor, ["tweestapsverificatie"])
    assert event.path == SETUP_URL


def test_enrolment_with_a_wrong_code_shows_a_dutch_error_at_the_field(client: Client, doctor: Any) -> None:
    password_login(client, doctor.username)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=doctor, confirmed=False)

    response = client.post(SETUP_URL, {"token": wrong_code(device)})

    assert response.status_code == 200
    page = response.content.decode()
    error = re.search(r'<div class="utrecht-form-field-error-message" id="id_token-error">(.*?)</div>', page, re.S)
    assert error is not None
    assert "Deze code klopt niet" in error.group(1)
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(PEOPLE_URL).status_code == 302


def test_enrolment_rejects_a_code_that_is_not_six_digits(client: Client, doctor: Any) -> None:
    password_login(client, doctor.username)

    response = client.post(SETUP_URL, {"token": "12ab56"})

    assert "De code bestaat alleen uit cijfers." in response.content.decode()


def test_later_logins_go_to_the_verify_page(client: Client, doctor: Any, time_machine: Any) -> None:
    password_login(client, doctor.username)
    device = enrol(client, doctor)
    client.post(reverse("accounts:logout"))
    time_machine.move_to(START + dt.timedelta(seconds=60), tick=False)

    response = password_login(client, doctor.username, next=PEOPLE_URL)

    assert response["Location"].startswith(VERIFY_URL)
    assert client.get(PEOPLE_URL).status_code == 302
    device.refresh_from_db()
    response = client.post(VERIFY_URL, {"token": current_code(device), "next": PEOPLE_URL})
    assert response["Location"] == PEOPLE_URL
    assert client.get(PEOPLE_URL).status_code == 200


def test_verify_with_a_wrong_code_shows_a_dutch_error_and_is_audited(
    client: Client, doctor: Any, time_machine: Any
) -> None:
    password_login(client, doctor.username)
    device = enrol(client, doctor)
    client.post(reverse("accounts:logout"))
    time_machine.move_to(START + dt.timedelta(seconds=60), tick=False)
    password_login(client, doctor.username)

    response = client.post(VERIFY_URL, {"token": wrong_code(device)})

    assert response.status_code == 200
    assert "Deze code klopt niet of is al gebruikt." in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED, actor=doctor).exists()
    assert client.get(PEOPLE_URL).status_code == 302


def test_a_used_code_cannot_be_replayed(doctor: Any) -> None:
    first, second = Client(), Client()
    password_login(first, doctor.username)
    device = enrol(first, doctor)
    used_code = current_code(device)

    password_login(second, doctor.username)
    response = second.post(VERIFY_URL, {"token": used_code, "next": PEOPLE_URL})

    assert response.status_code == 200
    assert "Deze code klopt niet of is al gebruikt." in response.content.decode()
    assert second.get(PEOPLE_URL).status_code == 302


def test_a_password_alone_cannot_replace_an_enrolled_device(client: Client, doctor: Any) -> None:
    first = Client()
    password_login(first, doctor.username)
    device = enrol(first, doctor)

    password_login(client, doctor.username)
    response = client.get(SETUP_URL)

    assert response.status_code == 302
    assert response["Location"] == VERIFY_URL
    assert list(TOTPDevice.objects.filter(user=doctor)) == [device]


def test_enrolment_page_shows_the_typed_key_and_an_inline_svg_qr_code_without_style(
    client: Client, doctor: Any
) -> None:
    password_login(client, doctor.username)

    response = client.get(SETUP_URL)

    page = response.content.decode()
    device = TOTPDevice.objects.get(user=doctor, confirmed=False)
    shown_key = re.search(r'<code data-testid="totp-secret">([A-Z2-7 ]+)</code>', page)
    assert shown_key is not None
    assert base64.b32decode(shown_key.group(1).replace(" ", "")) == device.bin_key
    svg = re.search(r"<svg\b.*?</svg>", page, re.S)
    assert svg is not None
    assert "style=" not in svg.group(0)
    assert "<?xml" not in page
    assert "<script" not in svg.group(0)


def test_identity_provider_second_factor_mark_skips_totp(client: Client, doctor: Any) -> None:
    password_login(client, doctor.username)
    session = client.session
    session["zw_mfa_by_idp"] = True
    session.save()

    assert client.get(PEOPLE_URL).status_code == 200


def test_password_login_drops_a_leftover_identity_provider_mark(client: Client, doctor: Any) -> None:
    client.get(reverse("accounts:login"))
    session = client.session
    session["zw_mfa_by_idp"] = True
    session.save()

    password_login(client, doctor.username)

    assert "zw_mfa_by_idp" not in client.session
    assert client.get(PEOPLE_URL).status_code == 302
