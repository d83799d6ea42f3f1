"""'Nu importeren' after a clean check: exactly the checked file, once, by whoever checked it, within
the time limit, all or nothing; every refusal says why in Dutch and writes nothing."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import AuditAction, AuditEvent
from organisation import services
from organisation.models import HrImportCheck, Person
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory
from organisation.tests.test_hr_import import ROWS, csv_bytes, upload

CONFIRM_URL = "/organisatie/import/bevestigen/"


@pytest.fixture
def beheerder(organisation: Any, login_as: Any) -> Any:
    return login_as(organisation.users["functioneel_beheerder"])


def _age_checks(*, minutes: int) -> None:
    """Make the kept checks older (moving the clock instead would end the login session as well)."""
    HrImportCheck.objects.update(checked_at=timezone.now() - timedelta(minutes=minutes))


def _confirmation(response: Any) -> dict[str, str]:
    html = response.content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html)
    checksum = re.search(r'name="checksum" value="([^"]+)"', html)
    assert token and checksum, "the check page offers no 'Nu importeren'"
    return {"token": token.group(1), "checksum": checksum.group(1)}


@pytest.mark.django_db
def test_the_confirm_url_is_the_named_route() -> None:
    assert reverse("organisation:import_confirm") == CONFIRM_URL


@pytest.mark.django_db
def test_a_clean_check_offers_import_now_which_imports_the_checked_file_without_a_new_upload(beheerder: Any) -> None:
    people = Person.objects.count()
    checked = upload(beheerder, csv_bytes(*ROWS), dry_run=True)
    assert "Nu importeren" in checked.content.decode()
    assert Person.objects.count() == people

    response = beheerder.post(CONFIRM_URL, _confirmation(checked))

    assert response.status_code == 200
    assert "De import is voltooid" in response.content.decode()
    assert Person.objects.count() == people + 4
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT).count() == 1
    check = HrImportCheck.objects.get()
    assert check.imported_at is not None and bytes(check.data) == b""  # the file is not kept after use


@pytest.mark.django_db
def test_a_check_with_errors_offers_no_import_now(beheerder: Any) -> None:
    response = upload(beheerder, csv_bytes(*ROWS, "1005;Lotte;Smit;;Amstredam;;;T;T-1;;"), dry_run=True)
    assert 'name="token"' not in response.content.decode()
    assert not HrImportCheck.objects.exists()


@pytest.mark.django_db
def test_a_used_confirmation_is_refused_and_imports_nothing_again(beheerder: Any) -> None:
    confirmation = _confirmation(upload(beheerder, csv_bytes(*ROWS), dry_run=True))
    beheerder.post(CONFIRM_URL, confirmation)
    Person.objects.filter(employee_number="1001").update(first_name="Veranderd")
    events = AuditEvent.objects.filter(action=AuditAction.IMPORT).count()

    response = beheerder.post(CONFIRM_URL, confirmation)

    assert response.status_code == 200
    assert "Dit bestand is al geïmporteerd" in response.content.decode()
    assert Person.objects.get(employee_number="1001").first_name == "Veranderd"
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT).count() == events


@pytest.mark.django_db
def test_an_expired_confirmation_is_refused(beheerder: Any) -> None:
    confirmation = _confirmation(upload(beheerder, csv_bytes(*ROWS), dry_run=True))
    _age_checks(minutes=services.HR_IMPORT_CHECK_VALID_MINUTES + 1)
    response = beheerder.post(CONFIRM_URL, confirmation)
    assert response.status_code == 200
    assert "De controle is verlopen" in response.content.decode()
    assert not Person.objects.filter(employee_number="1001").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ({"checksum": "0" * 64}, "niet hetzelfde als het bestand dat je hebt gecontroleerd"),
        ({"token": "verzonnen-token"}, "Deze controle is niet (meer) geldig"),
        ({"token": ""}, "Deze controle is niet (meer) geldig"),
    ],
)
def test_a_tampered_confirmation_is_refused_with_a_dutch_message(beheerder: Any, tamper: Any, message: str) -> None:
    confirmation = {**_confirmation(upload(beheerder, csv_bytes(*ROWS), dry_run=True)), **tamper}
    response = beheerder.post(CONFIRM_URL, confirmation)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Person.objects.filter(employee_number="1001").exists()


@pytest.mark.django_db
def test_another_beheerder_cannot_use_someone_elses_confirmation(organisation: Any, login_as: Any) -> None:
    confirmation = _confirmation(
        upload(login_as(organisation.users["functioneel_beheerder"]), csv_bytes(*ROWS), dry_run=True)
    )
    user = UserFactory(username="tweede-beheerder")
    PersonFactory(employee_number="777001", user=user)
    RoleAssignmentFactory(user=user, role="functioneel_beheerder")
    response = login_as(user).post(CONFIRM_URL, confirmation)
    assert response.status_code == 200
    assert "Deze controle is niet (meer) geldig" in response.content.decode()
    assert not Person.objects.filter(employee_number="1001").exists()


@pytest.mark.django_db
def test_when_the_data_changed_since_the_check_the_import_is_refused_and_writes_nothing(beheerder: Any) -> None:
    confirmation = _confirmation(upload(beheerder, csv_bytes(*ROWS), dry_run=True))
    services.hr_import_run(data=csv_bytes(ROWS[0]), actor=None, dry_run=False)  # someone imports 1001 meanwhile
    events = AuditEvent.objects.count()

    response = beheerder.post(CONFIRM_URL, confirmation)

    assert response.status_code == 200
    assert "veranderd sinds de controle" in response.content.decode()
    assert not Person.objects.filter(employee_number="1002").exists()
    assert AuditEvent.objects.count() == events
    assert HrImportCheck.objects.get().imported_at is None


@pytest.mark.django_db
def test_the_confirmation_is_post_only_and_for_the_import_permission(organisation: Any, login_as: Any) -> None:
    assert login_as(organisation.users["functioneel_beheerder"]).get(CONFIRM_URL).status_code == 405
    assert (
        login_as(organisation.users["medewerker"]).post(CONFIRM_URL, {"token": "x", "checksum": "y"}).status_code == 403
    )


@pytest.mark.django_db
def test_an_expired_check_loses_its_file_when_the_next_check_is_kept(beheerder: Any) -> None:
    upload(beheerder, csv_bytes(*ROWS), dry_run=True)
    _age_checks(minutes=services.HR_IMPORT_CHECK_VALID_MINUTES + 1)
    upload(beheerder, csv_bytes(*ROWS), dry_run=True)
    first, second = HrImportCheck.objects.order_by("checked_at")
    assert bytes(first.data) == b"" and bytes(second.data) != b""
