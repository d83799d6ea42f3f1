"""The audit trail API. Every read of a person's record and every write calls one of these.

``log_read(request, obj)`` after showing a personal record; ``log_change(...)`` inside the
same transaction as the write it records, so the write and its audit row land together.
``record_many(...)`` writes the rows of a bulk write (an HR import) in a few INSERTs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.utils.module_loading import import_string

from core.middleware import current_request_id
from core.models import AuditAction, AuditEvent

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest


def _subject_number(obj: Model | None, person: Any = None) -> str:
    subject = person if person is not None else obj
    number = getattr(subject, "employee_number", "")
    if not number and subject is not None:
        owner = getattr(subject, "person", None)
        number = getattr(owner, "employee_number", "") if owner is not None else ""
    return str(number or "")


def _request_facts(request: HttpRequest | None) -> dict[str, Any]:
    if request is None:
        return {"request_id": current_request_id()}
    return {
        "request_id": getattr(request, "request_id", "") or current_request_id(),
        "method": request.method or "",
        "path": request.path[:300],
        "ip_address": request.META.get("REMOTE_ADDR") or None,
    }


@functools.cache
def _roles_of() -> Callable[[Any], Iterable[str]]:
    """The function that names a user's roles (``ZORGWIJZER_ACTOR_ROLES``, ``access.roles_of``):
    a setting, because core imports no app."""
    return cast("Callable[[Any], Iterable[str]]", import_string(settings.ZORGWIJZER_ACTOR_ROLES))


def _actor_facts(actor: Any) -> dict[str, Any]:
    system = getattr(actor, "audit_actor_name", "")
    if system:
        # A system, not a person (an API token, accounts.tokens.ApiClient): named, no account, no roles.
        return {"actor": None, "actor_username": str(system)[:150], "actor_roles": ""}
    roles_of = _roles_of()
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_username": "", "actor_roles": ""}
    return {
        "actor": actor,
        "actor_username": actor.get_username(),
        "actor_roles": ",".join(sorted(roles_of(actor))),
    }


def record(
    *,
    action: str,
    actor: Any = None,
    obj: Model | None = None,
    object_type: str = "",
    object_id: str = "",
    person: Any = None,
    fields: Iterable[str] = (),
    request: HttpRequest | None = None,
    actor_username: str = "",
) -> AuditEvent:
    """Append one event to the audit trail.

    ``actor_username`` names an actor who is not logged in, such as the username typed in a
    failed login; it is used only when there is no authenticated actor.
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    if actor is None and request is not None:
        actor = request.user
    actor_facts = _actor_facts(actor)
    if not actor_facts["actor_username"]:
        actor_facts["actor_username"] = actor_username[:150]
    return AuditEvent.objects.create(
        action=action,
        object_type=object_type,
        object_id=object_id,
        subject_employee_number=_subject_number(obj, person),
        fields=sorted(set(fields)),
        **actor_facts,
        **_request_facts(request),
    )


@dataclass(frozen=True)
class Entry:
    """One event for ``record_many``: what happened to which record (field names only, never values)."""

    action: str
    obj: Model | None = None
    object_type: str = ""
    object_id: str = ""
    person: Any = None
    fields: Iterable[str] = ()


def record_many(
    *,
    entries: Iterable[Entry],
    actor: Any = None,
    request: HttpRequest | None = None,
    batch_size: int = 1000,
) -> int:
    """Append many events by the same actor in the same request, in batched INSERTs; returns how many.

    Each row holds exactly what ``record`` would write for its entry. ``bulk_create`` only inserts,
    so the trail stays append-only. Call it inside the transaction of the write it records.
    """
    if actor is None and request is not None:
        actor = request.user
    shared = {**_actor_facts(actor), **_request_facts(request)}
    events = []
    for entry in entries:
        obj = entry.obj
        events.append(
            AuditEvent(
                action=entry.action,
                object_type=entry.object_type or (obj._meta.label_lower if obj is not None else ""),
                object_id=entry.object_id or (str(obj.pk) if obj is not None else ""),
                subject_employee_number=_subject_number(obj, entry.person),
                fields=sorted(set(entry.fields)),
                **shared,
            )
        )
    AuditEvent.objects.bulk_create(events, batch_size=batch_size)
    return len(events)


def log_read(request: HttpRequest, obj: Model, *, person: Any = None) -> AuditEvent:
    """Record that the current user viewed a personal record."""
    return record(action=AuditAction.READ, obj=obj, person=person, request=request)


def log_reads(request: HttpRequest, objects: Iterable[Model]) -> int:
    """A list that names people is a read of each record shown: one row per record, with the
    record's ``person`` as subject, written in one INSERT so the page stays a few queries."""
    return record_many(
        entries=[Entry(action=AuditAction.READ, obj=obj, person=getattr(obj, "person", None)) for obj in objects],
        request=request,
    )


def log_change(
    *,
    actor: Any,
    obj: Model,
    action: str = AuditAction.UPDATE,
    fields: Iterable[str] = (),
    person: Any = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Record a create/update/delete of a personal record (field names only, never values)."""
    return record(action=action, actor=actor, obj=obj, person=person, fields=fields, request=request)
