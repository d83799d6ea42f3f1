"""Meldplicht: a change report to one's own manager, an immediate receipt (page and e-mail) that
can be verified, the manager's follow-up, and nobody else reaching it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from core.models import AuditEvent
from integrity.models import ChangeReport
from organisation.constants import Role

pytestmark = pytest.mark.django_db


def _report(organisation: Any, login_as: Any, capture: Any) -> tuple[Any, ChangeReport]:
    employee = organisation.people[Role.MEDEWERKER]
    employee.email = "medewerker@example.org"
    employee.save()
    client = login_as(organisation.users[Role.MEDEWERKER])
    with capture(execute=True):
        response = client.post(
            reverse("integrity:report"), {"category": "nevenactiviteiten", "explanation": "Bijbaan."}
        )
    report = ChangeReport.objects.get()
    assert response["Location"] == reverse("integrity:report_detail", args=[report.pk])
    return client, report


def test_a_report_goes_to_the_own_manager_with_a_receipt_on_the_page_and_by_mail(
    organisation: Any, login_as: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, report = _report(organisation, login_as, django_capture_on_commit_callbacks)
    assert report.manager == organisation.people[Role.LEIDINGGEVENDE]
    page = client.get(reverse("integrity:report_detail", args=[report.pk])).content.decode()
    assert report.verification_code in page and "Nieuwe betaalde of onbetaalde nevenactiviteiten" in page
    assert organisation.people[Role.LEIDINGGEVENDE].full_name in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["medewerker@example.org"]
    body = mail.outbox[0].body
    assert report.verification_code in body and organisation.people[Role.LEIDINGGEVENDE].full_name in body


def test_the_receipt_can_be_verified_by_the_employee_and_the_manager_but_not_by_others(
    organisation: Any, login_as: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, report = _report(organisation, login_as, django_capture_on_commit_callbacks)
    url = reverse("integrity:report_verify")
    assert 'data-testid="verified"' in client.get(url, {"code": report.verification_code.lower()}).content.decode()
    manager = login_as(organisation.users[Role.LEIDINGGEVENDE])
    assert 'data-testid="verified"' in manager.get(url, {"code": report.verification_code}).content.decode()
    colleague = login_as(organisation.users[Role.HR_ADVISEUR])
    refused = colleague.get(url, {"code": report.verification_code})
    assert "Met deze code vinden we geen melding" in str(refused.context["form"].errors["code"])


def test_the_manager_sees_the_report_and_records_follow_up_hr_and_colleagues_get_404(
    organisation: Any, login_as: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _, report = _report(organisation, login_as, django_capture_on_commit_callbacks)
    manager = login_as(organisation.users[Role.LEIDINGGEVENDE])
    team = manager.get(reverse("integrity:reports_team")).content.decode()
    assert reverse("integrity:report_detail", args=[report.pk]) in team
    reads = AuditEvent.objects.filter(action="read", object_type="integrity.changereport").count()
    assert manager.get(reverse("integrity:report_detail", args=[report.pk])).status_code == 200
    assert AuditEvent.objects.filter(action="read", object_type="integrity.changereport").count() == reads + 1
    empty = manager.post(reverse("integrity:report_follow_up", args=[report.pk]), {"text": ""})
    assert empty.context["form"].errors["text"]
    manager.post(reverse("integrity:report_follow_up", args=[report.pk]), {"text": "Besproken, geen risico."})
    assert list(report.follow_ups.values_list("text", flat=True)) == ["Besproken, geen risico."]
    for role in (Role.HR_ADVISEUR, Role.COLLEGIAAL_ONDERSTEUNER, Role.VIK_INTEGRITEIT):
        other = login_as(organisation.users[role])
        assert other.get(reverse("integrity:report_detail", args=[report.pk])).status_code == 404, role
        assert other.post(reverse("integrity:report_follow_up", args=[report.pk]), {"text": "x"}).status_code == 404


def test_the_employee_cannot_record_follow_up_on_their_own_report(
    organisation: Any, login_as: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client, report = _report(organisation, login_as, django_capture_on_commit_callbacks)
    assert client.post(reverse("integrity:report_follow_up", args=[report.pk]), {"text": "x"}).status_code == 404
    assert not report.follow_ups.exists()


def test_the_page_explains_rescreening_and_continuous_screening(organisation: Any, login_as: Any) -> None:
    page = login_as(organisation.users[Role.MEDEWERKER]).get(reverse("integrity:report")).content.decode()
    assert "elke 5 of 8 jaar" in page and "continue screening" in page


def test_without_a_manager_the_report_is_refused_at_the_field(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.LEIDINGGEVENDE])  # the persona leading the team has no manager
    response = client.post(reverse("integrity:report"), {"category": "financien"})
    assert "We weten niet wie je leidinggevende is" in str(response.context["form"].errors["category"])
    assert not ChangeReport.objects.exists()
