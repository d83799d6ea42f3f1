"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The plan rows use one plan, made lazily: the plain medewerker persona was involved in an event,
their manager is the leidinggevende persona and the collegiaal ondersteuner persona supports them.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import ANONYMOUS, FORBIDDEN, LOGIN, NOT_FOUND, OK, ROLES, Case, logged_in, only, only_found_by


def matrix_plan(org: Organisation) -> Any:
    from django.utils import timezone

    from aftercare import services
    from aftercare.models import EventType, Plan

    existing = Plan.objects.filter(person=org.people[Role.MEDEWERKER]).first()
    if existing is not None:
        return existing
    event = services.event_register(
        reporter=org.users[Role.LEIDINGGEVENDE],
        occurred_at=timezone.now(),
        kind=EventType.objects.get(code="reanimatie"),
        severity="ernstig",
        people=[org.people[Role.MEDEWERKER]],
    )
    plan = event.plans.get()
    return services.plan_assign_supporter(
        plan=plan, version=plan.version, supporter=org.people[Role.COLLEGIAAL_ONDERSTEUNER], actor=None
    )


def plan_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": matrix_plan(org).pk}


def contact_step_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": matrix_plan(org).steps.get(kind="contact").pk}


def reanimation_type_pk(org: Organisation) -> dict[str, Any]:
    from aftercare.models import EventType

    return {"pk": EventType.objects.get(code="reanimatie").pk}


def plan_members(**outcomes: str) -> dict[str, str]:
    """Everyone who cannot see the plan gets 404; the plan's members get the given outcome."""
    return {**dict.fromkeys(ROLES, NOT_FOUND), ANONYMOUS: LOGIN, **outcomes}


ROWS: dict[str, Case] = {
    "aftercare:my_plans": Case(logged_in()),
    "aftercare:register": Case(logged_in()),
    "aftercare:people_search": Case(logged_in()),
    "aftercare:notifications": Case(logged_in()),
    "aftercare:team": Case(only(Role.LEIDINGGEVENDE)),
    "aftercare:cases": Case(only(Role.COLLEGIAAL_ONDERSTEUNER)),
    "aftercare:coordination": Case(only(Role.COORDINATOR_TCO)),
    "aftercare:coordination_csv": Case(only(Role.COORDINATOR_TCO)),
    # The casemanager's files after violence against an employee (their part of those plans only).
    "aftercare:casework": Case(only(Role.CASEMANAGER)),
    # The template editor: the functioneel beheerder (organisation-wide configuration, no plans).
    "aftercare:templates": Case(only(Role.FUNCTIONEEL_BEHEERDER)),
    "aftercare:template_edit": Case(only(Role.FUNCTIONEEL_BEHEERDER), kwargs=lambda org: {"code": "standaard"}),
    "aftercare:event_type_edit": Case(only(Role.FUNCTIONEEL_BEHEERDER), kwargs=reanimation_type_pk),
    "aftercare:plan": Case(
        only_found_by(Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COLLEGIAAL_ONDERSTEUNER, Role.COORDINATOR_TCO),
        kwargs=plan_pk,
    ),
    "aftercare:plan_pdf": Case(
        only_found_by(Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.COLLEGIAAL_ONDERSTEUNER, Role.COORDINATOR_TCO),
        kwargs=plan_pk,
    ),
    # Without data the coordinator gets the form back with errors; everyone else is refused.
    "aftercare:plan_assign": Case(only(Role.COORDINATOR_TCO), method="post", kwargs=plan_pk),
    # The manager sees the plan but not the peer-support notes.
    "aftercare:note_add": Case(
        plan_members(
            **{
                Role.MEDEWERKER: FORBIDDEN,
                Role.LEIDINGGEVENDE: FORBIDDEN,
                Role.COLLEGIAAL_ONDERSTEUNER: OK,
                Role.COORDINATOR_TCO: OK,
            }
        ),
        method="post",
        kwargs=plan_pk,
        data={"text": "Gesprek gehad."},
    ),
    "aftercare:plan_own": Case(
        plan_members(
            **{
                Role.MEDEWERKER: OK,
                Role.LEIDINGGEVENDE: FORBIDDEN,
                Role.COLLEGIAAL_ONDERSTEUNER: FORBIDDEN,
                Role.COORDINATOR_TCO: FORBIDDEN,
            }
        ),
        method="post",
        kwargs=plan_pk,
        data={"actie": "contact"},
    ),
    # The manager completes the contact step; the coordinator may too (by then it is done: the
    # page says so, 200); the employee and the supporter may not.
    "aftercare:step": Case(
        plan_members(
            **{
                Role.MEDEWERKER: FORBIDDEN,
                Role.LEIDINGGEVENDE: OK,
                Role.COLLEGIAAL_ONDERSTEUNER: FORBIDDEN,
                Role.COORDINATOR_TCO: OK,
            }
        ),
        method="post",
        kwargs=contact_step_pk,
        data={"actie": "afronden"},
    ),
    # Undo answers every plan member with the plan page (and a message when there is nothing to undo).
    "aftercare:step_undo": Case(
        plan_members(
            **{
                Role.MEDEWERKER: OK,
                Role.LEIDINGGEVENDE: OK,
                Role.COLLEGIAAL_ONDERSTEUNER: OK,
                Role.COORDINATOR_TCO: OK,
            }
        ),
        method="post",
        kwargs=contact_step_pk,
    ),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
