"""Every write of the casework app: consent, the case's stages, buddies and matches.

Each service runs in one transaction with its audit row; bad input raises ``ValidationError``
with a Dutch message (keyed by field where a form shows it), and nothing is half-written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aftercare.models import Plan
from casework import workflow
from casework.buddies import is_matchable
from casework.constants import Decision, Stage
from casework.models import Buddy, BuddyMatch, Case, CaseStep
from core import audit
from core.models import AuditAction
from organisation.constants import Role
from organisation.models import Person, RoleAssignment


def _casemanager_for(person: Person, unit_id: int) -> Person | None:
    """A casemanager of the unit with the fewest running cases (ties: by name); never the employee."""
    user_ids = (
        RoleAssignment.objects.filter(role=Role.CASEMANAGER)
        .filter(Q(unit_id=unit_id) | Q(node__unit_id=unit_id))
        .values("user_id")
    )
    return (
        Person.objects.filter(user_id__in=user_ids, is_active=True)
        .exclude(pk=person.pk)
        .annotate(running=Count("casework_managed_cases", filter=Q(casework_managed_cases__closed_at__isnull=True)))
        .order_by("running", "last_name", "first_name", "pk")
        .first()
    )


@transaction.atomic
def consent_give(*, plan: Plan, actor: Any, request: Any = None) -> Case:
    """The employee agrees that Team Beroepsrisico takes up their case: the case is made now."""
    plan = Plan.objects.select_for_update(of=("self",)).select_related("event", "person__team").get(pk=plan.pk)
    person = plan.person
    if person is None or person.user_id != actor.pk:
        raise ValidationError(_("Alleen de medewerker zelf kan toestemming geven."))
    if not plan.event.beroepsrisico:
        raise ValidationError(_("Bij deze gebeurtenis is geen opvolging door Team Beroepsrisico aangegeven."))
    unit_id = plan.unit_id or (person.team.unit_id if person.team is not None else None)
    if unit_id is None:
        raise ValidationError(_("Je staat niet bij een eenheid ingeschreven. Neem contact op met HR."))
    if Case.objects.filter(plan=plan, closed_at__isnull=True).exists():
        raise ValidationError(_("Je hebt hier al toestemming voor gegeven. Je zaak loopt."))
    now = timezone.now()
    case = Case.objects.create(
        person=person,
        plan=plan,
        unit_id=unit_id,
        kind=plan.event.beroepsrisico,
        casemanager=_casemanager_for(person, unit_id),
        stage=Stage.MELDING,
        consent_given_at=now,
    )
    CaseStep.objects.create(
        case=case,
        to_stage=Stage.MELDING,
        happened_on=timezone.localdate(now),
        rationale=_("Toestemming gegeven door de medewerker."),
        actor=actor,
    )
    audit.log_change(
        actor=actor, obj=case, action=AuditAction.CREATE, person=person, fields=["consent_given_at"], request=request
    )
    return case


@transaction.atomic
def consent_withdraw(*, case: Case, actor: Any, request: Any = None) -> Case:
    """The employee withdraws consent: the case stops and its casemanager no longer reaches it."""
    case = Case.objects.select_for_update(of=("self",)).select_related("person").get(pk=case.pk)
    if case.person.user_id != actor.pk:
        raise ValidationError(_("Alleen de medewerker zelf kan toestemming intrekken."))
    if not case.is_open:
        raise ValidationError(_("Deze zaak is al afgesloten."))
    workflow.ensure_can_move(case.stage, Stage.INGETROKKEN)
    now = timezone.now()
    CaseStep.objects.create(
        case=case,
        from_stage=case.stage,
        to_stage=Stage.INGETROKKEN,
        happened_on=timezone.localdate(now),
        rationale=_("Toestemming ingetrokken door de medewerker."),
        actor=actor,
    )
    case.stage = Stage.INGETROKKEN
    case.consent_withdrawn_at = now
    case.closed_at = now
    case.save(update_fields=["stage", "consent_withdrawn_at", "closed_at"])
    audit.log_change(
        actor=actor,
        obj=case,
        person=case.person,
        fields=["stage", "consent_withdrawn_at", "closed_at"],
        request=request,
    )
    return case


def _check_advance(case: Case, to_stage: str, happened_on: dt.date, rationale: str, decision: str) -> None:
    if not rationale.strip():
        raise ValidationError({"rationale": _("Schrijf kort op waarom de zaak naar deze fase gaat.")})
    today = timezone.localdate()
    if happened_on > today:
        raise ValidationError({"happened_on": _("Deze datum ligt in de toekomst.")})
    if happened_on < timezone.localdate(case.consent_given_at):
        raise ValidationError({"happened_on": _("Deze datum ligt voor de toestemming van de medewerker.")})
    if to_stage == Stage.BESLUIT:
        if decision not in Decision.values:
            raise ValidationError({"decision": _("Kies het besluit: erkend of niet erkend.")})
    elif decision:
        raise ValidationError({"decision": _("Een besluit leg je alleen vast bij de fase Erkenningsbesluit.")})
    try:
        workflow.ensure_can_move(case.stage, to_stage, decision or case.decision)
    except workflow.TransitionNotAllowed as error:
        raise ValidationError({"to_stage": str(error)}) from error


@transaction.atomic
def case_advance(
    *,
    case: Case,
    to_stage: str,
    happened_on: dt.date,
    rationale: str,
    actor: Any,
    decision: str = "",
    request: Any = None,
) -> Case:
    """The casemanager moves the case to its next stage, with the date and a written rationale.

    Entering the decision stage records the decision (recognised or not); only a recognised case
    goes on to compensation."""
    case = Case.objects.select_for_update(of=("self",)).select_related("person", "casemanager").get(pk=case.pk)
    if case.casemanager is None or case.casemanager.user_id != actor.pk or case.consent_withdrawn_at is not None:
        raise ValidationError(_("Je bent niet de casemanager van deze zaak."))
    _check_advance(case, to_stage, happened_on, rationale, decision)
    CaseStep.objects.create(
        case=case,
        from_stage=case.stage,
        to_stage=to_stage,
        happened_on=happened_on,
        rationale=rationale.strip(),
        actor=actor,
    )
    fields = ["stage"]
    case.stage = to_stage
    if decision:
        case.decision = decision
        fields.append("decision")
    if to_stage == Stage.AFGESLOTEN:
        case.closed_at = timezone.now()
        fields.append("closed_at")
    case.save(update_fields=fields)
    audit.log_change(actor=actor, obj=case, person=case.person, fields=fields, request=request)
    return case


@transaction.atomic
def case_claim(*, case: Case, casemanager: Person, actor: Any, request: Any = None) -> Case:
    """A casemanager of the unit takes a case that nobody was assigned to."""
    case = Case.objects.select_for_update(of=("self",)).select_related("person").get(pk=case.pk)
    if case.casemanager_id is not None or case.consent_withdrawn_at is not None or not case.is_open:
        raise ValidationError(_("Deze zaak heeft al een casemanager of loopt niet meer."))
    if case.person_id == casemanager.pk:
        raise ValidationError(_("Je kunt je eigen zaak niet behandelen."))
    case.casemanager = casemanager
    case.save(update_fields=["casemanager"])
    audit.log_change(actor=actor, obj=case, person=case.person, fields=["casemanager"], request=request)
    return case


# --- Buddies -------------------------------------------------------------------------------


@transaction.atomic
def buddy_save(
    *,
    buddy: Buddy | None,
    person: Person | None,
    unit_id: int | None,
    phone: str,
    training_completed_on: dt.date | None,
    last_intervision_on: dt.date | None,
    is_active: bool,
    actor: Any,
    request: Any = None,
) -> Buddy:
    """Add a colleague to a unit's pool, or update a buddy's contact and training dates."""
    today = timezone.localdate()
    errors: dict[str, str] = {}
    if training_completed_on is not None and training_completed_on > today:
        errors["training_completed_on"] = _("Deze datum ligt in de toekomst.")
    if last_intervision_on is not None and last_intervision_on > today:
        errors["last_intervision_on"] = _("Deze datum ligt in de toekomst.")
    if last_intervision_on is not None and training_completed_on is None:
        errors["last_intervision_on"] = _("Vul eerst de datum in waarop de opleiding is afgerond.")
    if errors:
        raise ValidationError(errors)
    created = buddy is None
    if buddy is None:
        if person is None or unit_id is None:
            raise ValidationError({"employee_number": _("Kies een collega.")})
        buddy = Buddy(person=person, unit_id=unit_id)
    buddy.phone = phone.strip()
    buddy.training_completed_on = training_completed_on
    buddy.last_intervision_on = last_intervision_on
    buddy.is_active = is_active
    try:
        with transaction.atomic():
            buddy.save()
    except IntegrityError as error:
        raise ValidationError({"employee_number": _("Deze collega staat al in een buddypoule.")}) from error
    audit.log_change(
        actor=actor,
        obj=buddy,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        person=buddy.person,
        fields=["phone", "training_completed_on", "last_intervision_on", "is_active"],
        request=request,
    )
    return buddy


@transaction.atomic
def match_create(*, plan: Plan, buddy: Buddy, actor: Any, request: Any = None) -> BuddyMatch:
    """Match a trained buddy with the employee of a plan with work-related injury."""
    plan = Plan.objects.select_related("event", "person").get(pk=plan.pk)
    person = plan.person
    if person is None or not plan.event.beroepsrisico:
        raise ValidationError({"plan": _("Kies een medewerker met letsel of ziekte door het werk.")})
    buddy = Buddy.objects.select_for_update(of=("self",)).select_related("person").get(pk=buddy.pk)
    today = timezone.localdate()
    if not is_matchable(buddy, today):
        raise ValidationError(
            {"buddy": _("Deze buddy kan nu niet gekoppeld worden: de opleiding of de intervisie is niet bij.")}
        )
    if buddy.person_id == person.pk:
        raise ValidationError({"buddy": _("Een medewerker kan niet zijn eigen buddy zijn.")})
    if BuddyMatch.objects.filter(person=person, ended_on__isnull=True).exists():
        raise ValidationError({"plan": _("Deze medewerker heeft al een buddy.")})
    try:
        with transaction.atomic():
            match = BuddyMatch.objects.create(
                buddy=buddy, person=person, plan=plan, requested_by=actor, started_on=today
            )
    except IntegrityError as error:  # a second coordinator matched the same employee just now
        raise ValidationError({"plan": _("Deze medewerker heeft al een buddy.")}) from error
    audit.log_change(
        actor=actor, obj=match, action=AuditAction.CREATE, person=person, fields=["buddy", "person"], request=request
    )
    return match


@transaction.atomic
def match_end(*, match: BuddyMatch, actor: Any, request: Any = None) -> BuddyMatch:
    match = BuddyMatch.objects.select_for_update(of=("self",)).select_related("person").get(pk=match.pk)
    if match.ended_on is not None:
        raise ValidationError(_("Deze koppeling is al gestopt."))
    match.ended_on = timezone.localdate()
    match.save(update_fields=["ended_on"])
    audit.log_change(actor=actor, obj=match, person=match.person, fields=["ended_on"], request=request)
    return match


def plan_anonymised(*, plan: Plan) -> None:
    """Aftercare erased a plan's personal data: drop the links to it (the cases and matches stay)."""
    Case.objects.filter(plan=plan).update(plan=None)
    BuddyMatch.objects.filter(plan=plan).update(plan=None)
