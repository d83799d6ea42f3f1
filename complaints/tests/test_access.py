"""Confidential by default: who reaches a complaint and its documents, 404 for everyone else,
the complainant sees only the status, and every read is in the audit trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from complaints import services
from complaints.constants import Stage
from complaints.tests import factories
from core.models import AuditAction, AuditEvent
from organisation.constants import Role

pytestmark = pytest.mark.django_db

OUTSIDERS = [Role.LEIDINGGEVENDE, Role.HR_ANALIST, Role.FUNCTIONEEL_BEHEERDER, Role.VERTROUWENSPERSOON]


@pytest.fixture
def complaint(organisation: Any) -> Any:
    made = factories.complaint(organisation)
    services.document_add(
        complaint=made,
        actor=None,
        kind="klachtbrief",
        upload=SimpleUploadedFile("brief.txt", b"Geachte klachtcoordinator,\n"),
        content_type="text/plain",
    )
    return made


@pytest.mark.parametrize("role", OUTSIDERS)
def test_the_manager_hr_analyst_and_functional_admin_get_404_on_the_complaint_and_its_documents(
    organisation: Any, complaint: Any, login_as: Any, role: str
) -> None:
    client = login_as(organisation.users[role])
    document = complaint.documents.get()
    assert client.get(f"/klachten/{complaint.pk}/").status_code == 404
    assert client.get(f"/klachten/stukken/{document.pk}/").status_code == 404
    assert client.get(f"/klachten/{complaint.pk}/advies/").status_code == 404


def test_the_complainant_sees_only_the_status_of_their_own_complaint(
    organisation: Any, complaint: Any, login_as: Any
) -> None:
    factories.move(organisation, complaint, Stage.INTAKE)
    client = login_as(organisation.users[Role.MEDEWERKER])
    assert client.get(f"/klachten/{complaint.pk}/").status_code == 404
    assert client.get(f"/klachten/stukken/{complaint.documents.get().pk}/").status_code == 404
    page = client.get(f"/klachten/mijn/{complaint.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Intake" in html and complaint.reference in html
    for secret in ("uitgelachen", "Buitenstaander Bep", "brief.txt", "Onderdeel 1", "Bejegening"):
        assert secret not in html
    assert complaint.reference in client.get("/klachten/mijn/").content.decode()


def test_another_employee_gets_404_on_someone_elses_status_page(
    organisation: Any, complaint: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.BMW])
    assert client.get(f"/klachten/mijn/{complaint.pk}/").status_code == 404


def test_a_committee_member_reaches_a_complaint_only_once_it_went_to_the_committee(
    organisation: Any, complaint: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.KLACHTCOMMISSIE])
    assert client.get(f"/klachten/{complaint.pk}/").status_code == 404
    factories.to_committee(organisation, complaint)
    assert client.get(f"/klachten/{complaint.pk}/").status_code == 200


def test_a_handler_reaches_only_the_complaints_assigned_to_them(organisation: Any, login_as: Any) -> None:
    assigned = factories.complaint(organisation)
    other = factories.complaint(organisation, handler=False)
    client = login_as(organisation.users[Role.KLACHTBEHANDELAAR])
    assert client.get(f"/klachten/{assigned.pk}/").status_code == 200
    assert client.get(f"/klachten/{other.pk}/").status_code == 404


def test_a_coordinator_of_another_unit_gets_404(organisation: Any, login_as: Any) -> None:
    from organisation.tests.factories import RoleAssignmentFactory, UnitFactory, UserFactory

    complaint = factories.complaint(organisation)
    elsewhere = UserFactory()
    RoleAssignmentFactory(user=elsewhere, role=Role.KLACHTCOORDINATOR, unit=UnitFactory())
    assert login_as(elsewhere).get(f"/klachten/{complaint.pk}/").status_code == 404


def test_every_read_of_a_complaint_and_a_document_is_in_the_audit_trail(
    organisation: Any, complaint: Any, login_as: Any
) -> None:
    client = login_as(organisation.users[Role.KLACHTCOORDINATOR])
    document = complaint.documents.get()
    client.get(f"/klachten/{complaint.pk}/")
    response = client.get(f"/klachten/stukken/{document.pk}/")
    assert b"".join(response.streaming_content) == b"Geachte klachtcoordinator,\n"
    reads = AuditEvent.objects.filter(action=AuditAction.READ, actor=organisation.users[Role.KLACHTCOORDINATOR])
    assert reads.filter(object_type="complaints.complaint", object_id=str(complaint.pk)).count() == 1
    assert reads.filter(object_type="complaints.document", object_id=str(document.pk)).count() == 1
    assert reads.filter(subject_employee_number=organisation.people[Role.MEDEWERKER].employee_number).count() == 2


def test_a_document_is_sent_as_an_attachment_never_shown(organisation: Any, complaint: Any, login_as: Any) -> None:
    client = login_as(organisation.users[Role.KLACHTBEHANDELAAR])
    response = client.get(f"/klachten/stukken/{complaint.documents.get().pk}/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_documents_have_no_public_url_and_live_outside_static_and_media(complaint: Any, document_root: Any) -> None:
    document = complaint.documents.get()
    with pytest.raises(ValueError, match="no public URL"):
        _ = document.file.url
    assert (document_root / document.file.name).exists()
    assert "brief" not in document.file.name  # the original name stays in the database only


def test_a_party_to_the_complaint_can_be_neither_its_handler_nor_its_decision_maker() -> None:
    from complaints.forms import AssignForm
    from organisation.models import Person
    from organisation.tests.factories import PersonFactory

    accused: Any = PersonFactory(employee_number="990001")
    form = AssignForm(
        data={"version": 1, "handler": accused.pk, "decision_maker_number": "990001"},
        handlers=Person.objects.filter(pk=accused.pk),
        parties={accused.pk},
    )
    assert not form.is_valid()
    assert "Wie bij de klacht betrokken is, kan hem niet behandelen." in form.errors["handler"]
    assert "Wie bij de klacht betrokken is, kan er niet over besluiten." in form.errors["decision_maker_number"]
