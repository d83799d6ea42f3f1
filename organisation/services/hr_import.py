"""Applying an HR import: people and the team tree, in one transaction.

``hr_import_run`` reads an uploaded file and calls ``hr_import_apply``; the management command,
the upload page and the demo command all go through here. When any row is invalid nothing is
written, and a dry run never writes.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit
from core.csv_import import ErrorList, RowError
from core.models import AuditAction
from organisation import hr_csv
from organisation.constants import NodeKind
from organisation.hr_csv import HrRow, NodeFact, PersonFact, Reference
from organisation.models import HrImportCheck, OrgNode, Person, Unit
from organisation.signals import people_changed

#: A node in a plan: ("id", pk) for a node that exists, ("new", index) for one the import creates.
NodeKey = tuple[str, int]

#: The service fields (datum in dienst, aanstelling, …): written only when their column is in the file.
SERVICE_FIELDS = ("service_start_date", "service_end_date", "appointment_type", "is_aspirant", "graduation_date")
PERSON_FIELDS = ("first_name", "last_name", "email", "is_active", "team", "manager", *SERVICE_FIELDS)


@dataclass(frozen=True)
class PersonChange:
    row: int
    employee_number: str
    created: bool
    fields: tuple[str, ...]


@dataclass
class HrImportReport(ErrorList):
    """What an import did (or, for a dry run, would do)."""

    dry_run: bool
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    people_created: int = 0
    people_updated: int = 0
    people_unchanged: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    changes: list[PersonChange] = field(default_factory=list)


@dataclass
class _NewNode:
    unit_id: int
    parent: NodeKey | None
    kind: str
    name: str
    code: str


@dataclass
class _PersonPlan:
    row: HrRow
    existing: PersonFact | None
    team: NodeKey
    fields: tuple[str, ...]


class _TreePlan:
    """Finds or plans the nodes each row needs: levels by name under their parent, teams by code."""

    def __init__(self, reference: Reference) -> None:
        self.new_nodes: list[_NewNode] = []
        self.moves: dict[int, tuple[str, NodeKey | None]] = {}  # pk → (name, parent) for renamed/moved teams
        self.by_code: dict[str, NodeKey] = {node.code: ("id", node.pk) for node in reference.nodes}
        self.facts = {node.pk: node for node in reference.nodes}
        self.by_place: dict[tuple[int, NodeKey | None, str, str], NodeKey] = {}
        for node in reference.nodes:
            parent = ("id", node.parent_id) if node.parent_id else None
            self.by_place.setdefault((node.unit_id, parent, node.kind, node.name.casefold()), ("id", node.pk))

    def team_for(self, row: HrRow, unit_id: int) -> NodeKey:
        parent: NodeKey | None = None
        path: list[str] = []
        for kind, name in row.levels():
            path.append(f"{kind}:{name.casefold()}")
            parent = self._level(unit_id, parent, kind, name, "/".join(path))
        return self._team(unit_id, parent, row)

    def _level(self, unit_id: int, parent: NodeKey | None, kind: str, name: str, path: str) -> NodeKey:
        place = (unit_id, parent, kind, name.casefold())
        if place not in self.by_place:
            self.by_place[place] = self._add(unit_id, parent, kind, name, self._level_code(unit_id, kind, path))
        return self.by_place[place]

    def _team(self, unit_id: int, parent: NodeKey | None, row: HrRow) -> NodeKey:
        key = self.by_code.get(row.team_code)
        if key is None:
            return self._add(unit_id, parent, NodeKind.TEAM, row.team, row.team_code)
        fact = self.facts.get(key[1]) if key[0] == "id" else None
        if fact is not None:
            current_parent: NodeKey | None = ("id", fact.parent_id) if fact.parent_id else None
            wanted_parent = parent if row.place_given else current_parent
            if (fact.name, current_parent) != (row.team, wanted_parent):
                self.moves[fact.pk] = (row.team, wanted_parent)
        return key

    def _add(self, unit_id: int, parent: NodeKey | None, kind: str, name: str, code: str) -> NodeKey:
        key: NodeKey = ("new", len(self.new_nodes))
        self.new_nodes.append(_NewNode(unit_id, parent, kind, name, code))
        self.by_code[code] = key
        return key

    def _level_code(self, unit_id: int, kind: str, path: str) -> str:
        """A stable code for a district/basisteam/afdeling the HR file names but does not code."""
        digest = hashlib.sha256(f"{unit_id}/{path}".encode()).hexdigest()
        code = f"hr-{kind}-{digest[:12]}"
        suffix = 1
        while code in self.by_code:
            suffix += 1
            code = f"hr-{kind}-{digest[:12]}-{suffix}"
        return code

    def has_loop(self) -> bool:
        """Whether moving teams would make a node its own ancestor."""
        parent_of: dict[NodeKey, NodeKey | None] = {
            ("id", pk): (("id", fact.parent_id) if fact.parent_id else None) for pk, fact in self.facts.items()
        }
        parent_of.update({("new", index): node.parent for index, node in enumerate(self.new_nodes)})
        parent_of.update({("id", pk): parent for pk, (_name, parent) in self.moves.items()})
        for start in parent_of:
            seen = {start}
            key = parent_of[start]
            while key is not None:
                if key in seen:
                    return True
                seen.add(key)
                key = parent_of.get(key)
        return False


def _wanted_and_current(row: HrRow, fact: PersonFact, team: NodeKey) -> dict[str, tuple[Any, Any]]:
    """Field → (value in the file, value now); optional columns absent from the file are left out."""
    pairs: dict[str, tuple[Any, Any]] = {
        "first_name": (row.first_name, fact.first_name),
        "last_name": (row.last_name, fact.last_name),
        "team": (team, ("id", fact.team_id) if fact.team_id else None),
    }
    if row.email is not None:
        pairs["email"] = (row.email, fact.email)
    if row.is_active is not None:
        pairs["is_active"] = (row.is_active, fact.is_active)
    if row.manager_number is not None:
        pairs["manager"] = (row.manager_number or None, fact.manager_number or None)
    for name in row.service_given:
        pairs[name] = (getattr(row, name), getattr(fact, name))
    return pairs


def _changed_fields(row: HrRow, fact: PersonFact, team: NodeKey) -> tuple[str, ...]:
    pairs = _wanted_and_current(row, fact, team)
    return tuple(name for name in PERSON_FIELDS if name in pairs and pairs[name][0] != pairs[name][1])


def _created_fields(row: HrRow) -> tuple[str, ...]:
    given = {"email": bool(row.email), "is_active": row.is_active is not None, "manager": bool(row.manager_number)}
    given.update({name: name in row.service_given and getattr(row, name) not in (None, "") for name in SERVICE_FIELDS})
    return tuple(name for name in PERSON_FIELDS if given.get(name, True))


def load_reference() -> Reference:
    """A snapshot of units, nodes and people, in three queries."""
    reference = Reference()
    for pk, code, name in Unit.objects.values_list("pk", "code", "name"):
        reference.units[code.casefold()] = pk
        reference.units[name.casefold()] = pk
    reference.nodes = [
        NodeFact(*values)
        for values in OrgNode.objects.values_list("pk", "unit_id", "parent_id", "kind", "name", "code")
    ]
    columns = ("pk", "employee_number", "first_name", "last_name", "email", "team_id", "manager__employee_number")
    for values in Person.objects.values_list(*columns, "is_active", *SERVICE_FIELDS).iterator(chunk_size=5000):
        fact = PersonFact(*values)
        reference.people[fact.employee_number] = fact
    return reference


def _plan_people(rows: Sequence[HrRow], reference: Reference, tree: _TreePlan) -> list[_PersonPlan]:
    plans = []
    for row in rows:
        unit_id = reference.unit_id(row.unit)
        assert unit_id is not None  # validated before planning
        team = tree.team_for(row, unit_id)
        existing = reference.people.get(row.employee_number)
        changed = _created_fields(row) if existing is None else _changed_fields(row, existing, team)
        plans.append(_PersonPlan(row, existing, team, changed))
    return plans


def _summarise(report: HrImportReport, plans: list[_PersonPlan], tree: _TreePlan) -> None:
    report.nodes_created = len(tree.new_nodes)
    report.nodes_updated = len(tree.moves)
    for plan in plans:
        if plan.existing is not None and not plan.fields:
            report.people_unchanged += 1
            continue
        created = plan.existing is None
        report.people_created += created
        report.people_updated += not created
        report.changes.append(PersonChange(plan.row.row, plan.row.employee_number, created, plan.fields))


@transaction.atomic
def hr_import_apply(
    *,
    rows: Sequence[HrRow],
    actor: Any,
    dry_run: bool,
    request: Any = None,
    errors: Sequence[RowError] = (),
    rejected_numbers: Sequence[str] = (),
) -> HrImportReport:
    """Check the rows against the database and, unless this is a dry run or anything is wrong, write them.

    ``errors`` are problems already found while reading the file (with ``rejected_numbers``, the
    employee numbers of the rows they were on): the rows are still checked so the report lists
    every problem at once, but nothing is written. People not in the file are left alone.
    """
    report = HrImportReport(dry_run=dry_run, rows=len(rows))
    reference = load_reference()
    found = [*errors, *hr_csv.validate_rows(list(rows), reference, rejected_numbers=rejected_numbers)]
    report.errors = sorted(found, key=lambda error: error.row or 0)
    if report.errors:
        return report
    tree = _TreePlan(reference)
    plans = _plan_people(rows, reference, tree)
    if tree.has_loop():
        message = _("De teamcodes in het bestand zouden een team onder zichzelf plaatsen; controleer de teamcodes.")
        report.errors = [RowError(None, None, message)]
        return report
    _summarise(report, plans, tree)
    if not dry_run and (report.changes or tree.new_nodes or tree.moves):
        # A run that finds nothing to change writes nothing, not even an audit row: re-importing the
        # same file is a no-op. The per-record rows below say what changed; this one marks the import.
        _write(tree, plans, reference, actor=actor, request=request)
        # Inside the transaction: a receiver's history (teamcare) commits or rolls back with the import.
        people_changed.send(
            sender=Person,
            before={
                plan.row.employee_number: None
                if plan.existing is None
                else (plan.existing.team_id, plan.existing.manager_number, plan.existing.is_active)
                for plan in plans
                if plan.fields
            },
        )
        audit.record(action=AuditAction.IMPORT, actor=actor, object_type="organisation.hr_import", request=request)
    return report


def _write(tree: _TreePlan, plans: list[_PersonPlan], reference: Reference, *, actor: Any, request: Any) -> None:
    node_ids = _write_nodes(tree, actor=actor, request=request)
    person_ids = {number: fact.pk for number, fact in reference.people.items()}
    _create_people([plan for plan in plans if plan.existing is None], person_ids, node_ids)
    _write_people(plans, person_ids, node_ids)
    _sync_accounts(plans, person_ids, actor=actor, request=request)
    # One audit row per changed person, as log_change would write, but inserted in batches:
    # row-by-row inserts made a 20,000-person import spend most of its time on the audit trail.
    entries = (
        audit.Entry(
            action=AuditAction.CREATE if plan.existing is None else AuditAction.UPDATE,
            obj=Person(pk=person_ids[plan.row.employee_number], employee_number=plan.row.employee_number),
            fields=plan.fields,
        )
        for plan in plans
        if plan.fields
    )
    audit.record_many(entries=entries, actor=actor, request=request)


def _write_nodes(tree: _TreePlan, *, actor: Any, request: Any) -> dict[NodeKey, int]:
    """Create planned nodes (parents come first in the plan) and rename or move existing teams."""
    ids: dict[NodeKey, int] = {("id", pk): pk for pk in tree.facts}
    entries: list[audit.Entry] = []
    for index, new in enumerate(tree.new_nodes):
        parent_id = ids[new.parent] if new.parent else None
        node = OrgNode.objects.create(
            unit_id=new.unit_id, parent_id=parent_id, kind=new.kind, name=new.name, code=new.code
        )
        ids[("new", index)] = node.pk
        entries.append(audit.Entry(action=AuditAction.CREATE, obj=node, fields=("name", "parent")))
    for pk, (name, parent) in tree.moves.items():
        OrgNode.objects.filter(pk=pk).update(name=name, parent_id=ids[parent] if parent else None)
        entries.append(audit.Entry(action=AuditAction.UPDATE, obj=OrgNode(pk=pk), fields=("name", "parent")))
    audit.record_many(entries=entries, actor=actor, request=request)
    return ids


def _create_people(plans: list[_PersonPlan], person_ids: dict[str, int], node_ids: dict[NodeKey, int]) -> None:
    """Insert new people managers first, so every INSERT already holds the manager (no UPDATE pass)."""
    for generation in _manager_generations(plans):
        created = Person.objects.bulk_create(
            [
                Person(
                    employee_number=plan.row.employee_number,
                    first_name=plan.row.first_name,
                    last_name=plan.row.last_name,
                    email=plan.row.email or "",
                    is_active=plan.row.is_active is not False,
                    team_id=node_ids[plan.team],
                    manager_id=person_ids[plan.row.manager_number] if plan.row.manager_number else None,
                    **_service_values(plan.row, None),
                )
                for plan in generation
            ],
            batch_size=1000,
        )
        person_ids.update({person.employee_number: person.pk for person in created})


def _manager_generations(plans: list[_PersonPlan]) -> list[list[_PersonPlan]]:
    """New people grouped so that everyone's manager exists already or is new in an earlier group.

    ``validate_rows`` rejects manager loops; the ``seen`` guard only keeps a bug from hanging here.
    """
    by_number = {plan.row.employee_number: plan for plan in plans}
    depth: dict[str, int] = {}
    for plan in plans:
        chain: list[str] = []
        number = plan.row.employee_number
        while number in by_number and number not in depth and number not in chain:
            chain.append(number)
            number = by_number[number].row.manager_number or ""
        level = depth.get(number, -1)
        for member in reversed(chain):
            level += 1
            depth[member] = level
    generations: list[list[_PersonPlan]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for plan in plans:
        generations[depth[plan.row.employee_number]].append(plan)
    return generations


def _write_people(plans: list[_PersonPlan], person_ids: dict[str, int], node_ids: dict[NodeKey, int]) -> None:
    """Bring every changed existing person in line with the file, in bulk.

    People are updated in groups with the same changed fields: ``bulk_update`` builds a CASE per
    field, so writing only the changed fields keeps a large re-import fast.
    """
    now = timezone.now()
    groups: dict[tuple[str, ...], list[Person]] = {}
    for plan in plans:
        row, fact = plan.row, plan.existing
        if not plan.fields or fact is None:
            continue
        person = Person(
            pk=person_ids[row.employee_number],
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email if row.email is not None else fact.email,
            is_active=row.is_active if row.is_active is not None else fact.is_active,
            team_id=node_ids[plan.team],
            manager_id=_manager_id(row, fact, person_ids),
            updated_at=now,
            **_service_values(row, fact),
        )
        groups.setdefault(plan.fields, []).append(person)
    for fields, people in groups.items():
        Person.objects.bulk_update(people, [*fields, "updated_at"], batch_size=500)


def _sync_accounts(plans: list[_PersonPlan], person_ids: dict[str, int], *, actor: Any, request: Any) -> None:
    """People who leave service lose their login at once; people who return get it back.

    An inactive account cannot log in, and its open sessions stop working on the next request
    (Django's backends do not load inactive users).
    """
    changed = [plan for plan in plans if plan.existing is not None and "is_active" in plan.fields]
    for active in (False, True):
        ids = [person_ids[plan.row.employee_number] for plan in changed if plan.row.is_active is active]
        users = get_user_model().objects.filter(person__pk__in=ids, is_active=not active)
        entries = [audit.Entry(action=AuditAction.UPDATE, obj=user, fields=("is_active",)) for user in users]
        users.update(is_active=active)
        audit.record_many(entries=entries, actor=actor, request=request)


def _service_values(row: HrRow, fact: PersonFact | None) -> dict[str, Any]:
    """The service fields of a person: from the file where its column is given, else as they are."""
    values: dict[str, Any] = {}
    for name in SERVICE_FIELDS:
        if name in row.service_given:
            values[name] = getattr(row, name)
        elif fact is not None:
            values[name] = getattr(fact, name)
    return values


def _manager_id(row: HrRow, fact: PersonFact | None, person_ids: dict[str, int]) -> int | None:
    number = row.manager_number if row.manager_number is not None else (fact.manager_number if fact else None)
    return person_ids[number] if number else None


def hr_import_run(*, data: bytes, actor: Any, dry_run: bool, request: Any = None) -> HrImportReport:
    """Read an HR export and import it (see ``hr_import_apply``)."""
    parsed = hr_csv.read_csv(data, max_bytes=settings.ORGANISATION_HR_IMPORT_MAX_BYTES)
    if any(error.row is None for error in parsed.errors):
        return HrImportReport(dry_run=dry_run, errors=parsed.errors)
    report = hr_import_apply(
        rows=parsed.rows,
        actor=actor,
        dry_run=dry_run,
        request=request,
        errors=parsed.errors,
        rejected_numbers=sorted(parsed.rejected_numbers),
    )
    report.rows = parsed.row_count
    return report


# --- "Nu importeren" after a clean check ----------------------------------------------------

#: How long a checked file can be imported with one click; after that it has to be checked again.
HR_IMPORT_CHECK_VALID_MINUTES = 30


class HrImportRefused(Exception):
    """The confirmation of a checked file is refused; ``message`` says why, in words for the beheerder."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class HrImportConfirmation:
    """What the page needs to offer "Nu importeren" for a checked file."""

    token: str
    checksum: str
    expires_at: Any


def _summary(report: HrImportReport) -> dict[str, int]:
    return {
        "rows": report.rows,
        "people_created": report.people_created,
        "people_updated": report.people_updated,
        "people_unchanged": report.people_unchanged,
        "nodes_created": report.nodes_created,
        "nodes_updated": report.nodes_updated,
    }


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def hr_import_check_keep(
    *, data: bytes, report: HrImportReport, actor: Any, file_name: str = ""
) -> HrImportConfirmation:
    """Keep a file whose check found no errors, so that "Nu importeren" imports exactly this file.

    Also drops the files of earlier checks that expired (their rows stay, without the file).
    """
    if not report.dry_run or not report.ok:
        raise ValueError("only a clean dry run can be confirmed")
    now = timezone.now()
    HrImportCheck.objects.filter(
        checked_at__lt=now - timedelta(minutes=HR_IMPORT_CHECK_VALID_MINUTES), imported_at__isnull=True
    ).update(data=b"")
    token = secrets.token_urlsafe(32)
    checksum = hashlib.sha256(data).hexdigest()
    HrImportCheck.objects.create(
        token_hash=_token_hash(token),
        checksum=checksum,
        data=data,
        file_name=file_name[:255],
        checked_by=actor,
        checked_at=now,
        summary=_summary(report),
    )
    return HrImportConfirmation(
        token=token, checksum=checksum, expires_at=now + timedelta(minutes=HR_IMPORT_CHECK_VALID_MINUTES)
    )


class _ChangedSinceCheck(Exception):
    """Rolls the import back: it would not do what the check showed."""


def hr_import_confirm(*, token: str, checksum: str, actor: Any, request: Any = None) -> HrImportReport:
    """Import the file of a clean check, once, in one transaction.

    Refused (``HrImportRefused``, nothing written) when the token is unknown or belongs to someone
    else, the check expired, the file was already imported, the checksum does not match the file
    that was checked, or the import would now do something else than the check showed (someone
    changed the people or teams in between).
    """
    changed = _(
        "De gegevens in Zorgwijzer zijn veranderd sinds de controle, zodat de import iets anders zou doen dan je "
        "zag. Er is niets opgeslagen. Controleer het bestand opnieuw."
    )
    try:
        with transaction.atomic():
            check = _check_for_update(token=token, checksum=checksum, actor=actor)
            report = hr_import_run(data=bytes(check.data), actor=actor, dry_run=False, request=request)
            if not report.ok or _summary(report) != check.summary:
                raise _ChangedSinceCheck
            HrImportCheck.objects.filter(pk=check.pk).update(imported_at=timezone.now(), data=b"")
    except _ChangedSinceCheck:
        raise HrImportRefused(changed) from None
    return report


def _check_for_update(*, token: str, checksum: str, actor: Any) -> HrImportCheck:
    unknown = _("Deze controle is niet (meer) geldig. Upload het bestand opnieuw en controleer het.")
    check = (
        HrImportCheck.objects.select_for_update()
        .filter(token_hash=_token_hash(token or ""), checked_by_id=getattr(actor, "pk", None))
        .first()
    )
    if check is None:
        raise HrImportRefused(unknown)
    if check.imported_at is not None:
        raise HrImportRefused(_("Dit bestand is al geïmporteerd. Er is niets opnieuw opgeslagen."))
    if timezone.now() - check.checked_at > timedelta(minutes=HR_IMPORT_CHECK_VALID_MINUTES):
        message = _(
            "De controle is verlopen: je kunt tot %(minutes)s minuten na de controle importeren. "
            "Upload het bestand opnieuw en controleer het."
        )
        raise HrImportRefused(message % {"minutes": HR_IMPORT_CHECK_VALID_MINUTES})
    data = bytes(check.data)
    stored = hashlib.sha256(data).hexdigest()
    if (
        not data
        or not secrets.compare_digest(stored, check.checksum)
        or not secrets.compare_digest(checksum or "", stored)
    ):
        raise HrImportRefused(
            _(
                "Het bestand is niet hetzelfde als het bestand dat je hebt gecontroleerd. Er is niets opgeslagen. "
                "Upload het bestand opnieuw en controleer het."
            )
        )
    return check
