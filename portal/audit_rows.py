"""The audit trail for people: names and readable labels instead of ``organisation.roleassignment #12``.

``audit_rows(events)`` turns a page (or an export chunk) of audit events into ``AuditRow``s in a
fixed number of queries: one for the people behind the accounts and employee numbers on the page,
and one per kind of organisational record on the page whose label may be shown.

Which labels are shown: only those of organisational records (a person, a unit, a team, a role
assignment, an account), which the functioneel beheerder sees on the organisation pages anyway.
Records that hold care or case content (a plan, a complaint, a report) are named by their kind and
number only, so the trail never repeats their content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import AuditEvent
from organisation.constants import Role
from organisation.models import OrgNode, Person, RoleAssignment, Unit

#: Kinds of record in the trail that are not a model.
_PSEUDO_KINDS = {
    "organisation.hr_import": gettext_lazy("HR-import"),
    "teamcare.signals": gettext_lazy("Signalen van teams"),
}


def _person_label(person: Person) -> str:
    return f"{person.full_name} ({person.employee_number})"


def _user_label(user: Any) -> str:
    person = getattr(user, "person", None)
    return _person_label(person) if person is not None else str(user.get_username())


#: Kind → (how to load the records, how to name one). Only organisational records (see above).
_LABELLED: dict[str, tuple[Callable[[], Any], Callable[[Any], str]]] = {
    "organisation.person": (lambda: Person.objects.all(), _person_label),
    "organisation.unit": (lambda: Unit.objects.all(), lambda unit: unit.name),
    "organisation.orgnode": (lambda: OrgNode.objects.select_related("unit"), str),
    "organisation.roleassignment": (
        lambda: RoleAssignment.objects.select_related("user__person", "unit", "node__unit"),
        lambda assignment: _("%(role)s van %(holder)s") % {"role": assignment, "holder": _user_label(assignment.user)},
    ),
    "auth.user": (lambda: get_user_model().objects.select_related("person"), _user_label),
}


@dataclass(frozen=True)
class AuditRow:
    """One event as a person reads it."""

    occurred_at: datetime
    actor: str
    actor_username: str
    roles: str
    action: str
    kind: str
    record: str
    record_gone: bool
    subject: str
    subject_number: str
    fields: str
    request_id: str


def _model(object_type: str) -> type[Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def kind_label(object_type: str) -> str:
    """A kind of record in words ("Roltoekenning"); an unknown kind keeps its code."""
    if object_type in _PSEUDO_KINDS:
        return str(_PSEUDO_KINDS[object_type])
    model = _model(object_type)
    if model is None:
        return object_type
    name = str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def kind_choices(object_types: Iterable[str]) -> list[tuple[str, str]]:
    """The filter's choices: every kind in the trail by its label, in alphabetical order."""
    return sorted(((kind, kind_label(kind)) for kind in object_types), key=lambda pair: pair[1].casefold())


def _field_labels(object_type: str, names: Sequence[str]) -> str:
    model = _model(object_type)
    labels = []
    for name in names:
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        labels.append(str(getattr(field, "verbose_name", "")) or name.replace("_", " "))
    return ", ".join(labels)


_ROLE_LABELS = dict(Role.choices)


def _role_labels(roles: str) -> str:
    return ", ".join(str(_ROLE_LABELS.get(role, role)) for role in roles.split(",") if role)


def _records(events: Sequence[AuditEvent]) -> dict[tuple[str, str], str]:
    """(kind, id) → label of the organisational records on the page that still exist."""
    wanted: dict[str, set[int]] = {}
    for event in events:
        if event.object_type in _LABELLED and event.object_id.isdigit():
            wanted.setdefault(event.object_type, set()).add(int(event.object_id))
    labels = {}
    for object_type, ids in wanted.items():
        queryset, name = _LABELLED[object_type]
        for pk, record in queryset().in_bulk(sorted(ids)).items():
            labels[(object_type, str(pk))] = name(record)
    return labels


def _people(events: Sequence[AuditEvent]) -> tuple[dict[int, Person], dict[str, Person]]:
    """The people behind the accounts and the employee numbers on the page, in one query."""
    actor_ids = {event.actor_id for event in events if event.actor_id}
    numbers = {event.subject_employee_number for event in events if event.subject_employee_number}
    if not actor_ids and not numbers:
        return {}, {}
    people = Person.objects.filter(Q(user_id__in=actor_ids) | Q(employee_number__in=numbers)).only(
        "first_name", "last_name", "employee_number", "user_id"
    )
    by_user: dict[int, Person] = {}
    by_number: dict[str, Person] = {}
    for person in people:
        if person.user_id:
            by_user[person.user_id] = person
        by_number[person.employee_number] = person
    return by_user, by_number


def audit_rows(events: Iterable[AuditEvent]) -> list[AuditRow]:
    events = list(events)
    by_user, by_number = _people(events)
    records = _records(events)
    rows = []
    for event in events:
        actor = by_user.get(event.actor_id) if event.actor_id else None
        subject = by_number.get(event.subject_employee_number)
        record = records.get((event.object_type, event.object_id), "")
        labelled = event.object_type in _LABELLED and bool(event.object_id)
        if not record and event.object_id:
            record = _("nr. %(id)s") % {"id": event.object_id}
        rows.append(
            AuditRow(
                occurred_at=event.occurred_at,
                actor=actor.full_name if actor is not None else "",
                actor_username=event.actor_username,
                roles=_role_labels(event.actor_roles),
                action=str(event.get_action_display()),
                kind=kind_label(event.object_type),
                record=record,
                record_gone=labelled and (event.object_type, event.object_id) not in records,
                subject=subject.full_name if subject is not None else "",
                subject_number=event.subject_employee_number,
                fields=_field_labels(event.object_type, event.fields or []),
                request_id=event.request_id,
            )
        )
    return rows
