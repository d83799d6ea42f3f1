"""Reads shared by the pages, the API and the home page of the casework app."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q, QuerySet

import access
from aftercare import selectors as aftercare_selectors
from aftercare.models import Plan
from casework.models import Buddy, BuddyMatch, Case, CaseStep

_CASE_RELATED = ("person", "person__team", "casemanager", "unit", "plan__event__kind")


# --- Recognition cases ----------------------------------------------------------------------


def consent_plans(user: Any) -> QuerySet[Plan]:
    """The user's own aftercare plans of events flagged for Team Beroepsrisico."""
    return aftercare_selectors.own_plans(user).filter(~Q(event__beroepsrisico="")).prefetch_related(None)


def own_cases(user: Any) -> QuerySet[Case]:
    return Case.objects.filter(access.casework_own_cases_filter(user)).select_related(*_CASE_RELATED)


def own_case(user: Any, pk: int) -> Case | None:
    return own_cases(user).filter(pk=pk).first()


def managed_cases(user: Any) -> QuerySet[Case]:
    return (
        Case.objects.filter(access.casework_managed_cases_filter(user))
        .select_related(*_CASE_RELATED)
        .order_by(F("closed_at").asc(nulls_first=True), "-consent_given_at", "pk")
    )


def managed_case(user: Any, pk: int) -> Case | None:
    return managed_cases(user).filter(pk=pk).first()


def claimable_cases(user: Any) -> QuerySet[Case]:
    return (
        Case.objects.filter(access.casework_claimable_cases_filter(user))
        .select_related(*_CASE_RELATED)
        .order_by("consent_given_at", "pk")
    )


def history(case: Case) -> list[CaseStep]:
    return list(CaseStep.objects.filter(case=case).order_by("pk"))


# --- Buddies -------------------------------------------------------------------------------


def pool(user: Any) -> QuerySet[Buddy]:
    """The buddies in the pools the user keeps, with the number of running matches."""
    return (
        Buddy.objects.filter(unit_id__in=access.casework_buddy_unit_ids(user))
        .select_related("person", "unit")
        .order_by("unit__name", "person__last_name", "person__first_name", "pk")
    )


def pool_buddy(user: Any, pk: int) -> Buddy | None:
    return pool(user).filter(pk=pk).first()


def injured_plans(user: Any) -> QuerySet[Plan]:
    """Plans of employees with work-related injury (a Team Beroepsrisico flag) that the user coordinates."""
    return (
        aftercare_selectors.plans_for(user, access.aftercare_coordinated_plans_filter(user))
        .filter(~Q(event__beroepsrisico=""), person__isnull=False)
        .prefetch_related(None)
    )


def injured_plans_without_buddy(user: Any) -> QuerySet[Plan]:
    running = BuddyMatch.objects.filter(ended_on__isnull=True).values("person_id")
    return injured_plans(user).exclude(person_id__in=running)


def pool_matches(user: Any) -> QuerySet[BuddyMatch]:
    """Running matches in the pools the user keeps."""
    return (
        BuddyMatch.objects.filter(buddy__unit_id__in=access.casework_buddy_unit_ids(user), ended_on__isnull=True)
        .select_related("buddy__person", "person")
        .order_by("-started_on", "-pk")
    )


def pool_match(user: Any, pk: int) -> BuddyMatch | None:
    return pool_matches(user).filter(pk=pk).first()


def own_buddy_matches(user: Any) -> QuerySet[BuddyMatch]:
    """The running match(es) in which the user gets a buddy."""
    return (
        BuddyMatch.objects.filter(access.casework_own_matches_filter(user), ended_on__isnull=True)
        .select_related("buddy__person", "buddy__unit")
        .order_by("-started_on", "-pk")
    )


def buddy_of(user: Any) -> Buddy | None:
    """The user's own place in a buddy pool, if any."""
    return Buddy.objects.filter(person__user_id=user.pk).select_related("unit").first()


def matches_as_buddy(user: Any) -> QuerySet[BuddyMatch]:
    """The matches in which the user is the buddy, running first."""
    return (
        BuddyMatch.objects.filter(access.casework_buddy_matches_filter(user))
        .select_related("person", "person__team")
        .order_by(F("ended_on").asc(nulls_first=True), "-started_on", "-pk")
    )
