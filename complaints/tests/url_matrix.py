"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The complaint rows use one complaint, made lazily in the persona unit: the medewerker persona
filed it, the klachtbehandelaar persona handles it, and it lies with the committee (so the
committee member reaches it). Everyone else — the leidinggevende, the HR analist, the
functioneel beheerder included — gets 404 on the complaint and its documents."""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import ANONYMOUS, FORBIDDEN, LOGIN, NOT_FOUND, OK, ROLES, Case, logged_in, only, only_found_by

MATRIX_FILE = "matrix-klachtbrief.txt"


def matrix_complaint(org: Organisation) -> Any:
    from datetime import date

    from complaints import services
    from complaints.models import Category, Complaint

    existing = Complaint.objects.filter(complainant=org.people[Role.MEDEWERKER]).first()
    if existing is not None:
        return existing
    coordinator = org.users[Role.KLACHTCOORDINATOR]
    complaint = services.complaint_register(
        actor=coordinator,
        received_on=date(2024, 2, 21),
        unit=org.unit,
        channel="direct",
        content="Matrixklacht.",
        complainant=org.people[Role.MEDEWERKER],
        elements=[services.NewElement(Category.objects.get(name="Bejegening"), "Toon van een gesprek")],
    )
    services.complaint_assign(
        complaint=complaint, actor=coordinator, handler=org.people[Role.KLACHTBEHANDELAAR], decision_maker=None
    )
    services.complaint_move(complaint=complaint, actor=coordinator, to_stage="intake")
    return services.complaint_move(complaint=complaint, actor=coordinator, to_stage="commissie")


def complaint_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": matrix_complaint(org).pk}


def document_pk(org: Organisation) -> dict[str, Any]:
    """One small text file under a fixed name in the private storage (reused, never piling up)."""
    from django.core.files.base import ContentFile

    from complaints.models import Document, private_storage

    complaint = matrix_complaint(org)
    storage = private_storage()
    if not storage.exists(MATRIX_FILE):
        storage.save(MATRIX_FILE, ContentFile(b"Klachtbrief (test)\n"))
    document = Document.objects.create(
        complaint=complaint,
        kind="klachtbrief",
        file=MATRIX_FILE,
        original_name="klachtbrief.txt",
        content_type="text/plain",
        size=19,
    )
    return {"pk": document.pk}


def category_pk(org: Organisation) -> dict[str, Any]:
    from complaints.models import Category

    return {"pk": Category.objects.get(name="Bejegening").pk}


def complaint_members(**outcomes: str) -> dict[str, str]:
    """Everyone who cannot reach the complaint gets 404; its members get the given outcome."""
    return {**dict.fromkeys(ROLES, NOT_FOUND), ANONYMOUS: LOGIN, **outcomes}


READERS = (Role.KLACHTCOORDINATOR, Role.KLACHTBEHANDELAAR, Role.KLACHTCOMMISSIE)
#: Work on the file (stages, elements, contacts, documents): coordinator and handler; the committee
#: member reaches the complaint but may not do this.
WORKERS = complaint_members(**{Role.KLACHTCOORDINATOR: OK, Role.KLACHTBEHANDELAAR: OK, Role.KLACHTCOMMISSIE: FORBIDDEN})

ROWS: dict[str, Case] = {
    "complaints:index": Case(only(*READERS)),
    "complaints:create": Case(only(Role.KLACHTCOORDINATOR)),
    "complaints:mine": Case(logged_in()),
    # Only the complainant (the medewerker persona) sees the status of their own complaint.
    "complaints:status": Case(complaint_members(**{Role.MEDEWERKER: OK}), kwargs=complaint_pk),
    "complaints:lead_times": Case(only(Role.KLACHTCOORDINATOR)),
    "complaints:statistics": Case(only(Role.KLACHTCOORDINATOR, Role.HR_ANALIST)),
    "complaints:categories": Case(only(Role.KLACHTCOORDINATOR)),
    "complaints:category_edit": Case(only(Role.KLACHTCOORDINATOR), kwargs=category_pk),
    "complaints:detail": Case(only_found_by(*READERS), kwargs=complaint_pk),
    "complaints:document": Case(only_found_by(*READERS), kwargs=document_pk),
    # Without data the coordinator gets the form back with errors; the others who reach it are refused.
    "complaints:assign": Case(
        complaint_members(
            **{Role.KLACHTCOORDINATOR: OK, Role.KLACHTBEHANDELAAR: FORBIDDEN, Role.KLACHTCOMMISSIE: FORBIDDEN}
        ),
        method="post",
        kwargs=complaint_pk,
    ),
    "complaints:move": Case(WORKERS, method="post", kwargs=complaint_pk),
    "complaints:element_add": Case(WORKERS, method="post", kwargs=complaint_pk),
    "complaints:contact_add": Case(WORKERS, method="post", kwargs=complaint_pk),
    "complaints:document_add": Case(WORKERS, method="post", kwargs=complaint_pk),
    "complaints:point_add": Case(only_found_by(*READERS), method="post", kwargs=complaint_pk),
    "complaints:advice": Case(only_found_by(*READERS), kwargs=complaint_pk),
    # The complaint lies with the committee: who may decide is sent back to the complaint (302).
    "complaints:decision": Case(WORKERS, kwargs=complaint_pk),
    "complaints-statistics-list": Case(only(Role.KLACHTCOORDINATOR, Role.HR_ANALIST, anonymous=FORBIDDEN)),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
