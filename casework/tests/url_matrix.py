"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Rows that need a record make it lazily: the medewerker persona has an aftercare plan flagged for
Team Beroepsrisico and gave consent, so their case went to the casemanager persona (the only
casemanager of the unit); a second case of the medewerker has no casemanager yet. The collegiaal
ondersteuner persona is a trained buddy in the unit's pool, matched with the medewerker.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import ANONYMOUS, FORBIDDEN, Case, logged_in, only, only_found_by

EMPLOYEE, CASEMANAGER, COORDINATOR, BUDDY = (
    Role.MEDEWERKER,
    Role.CASEMANAGER,
    Role.COORDINATOR_TCO,
    Role.COLLEGIAAL_ONDERSTEUNER,
)


def _consent_plan(org: Organisation) -> dict[str, Any]:
    from casework.tests.factories import flagged_plan

    return {"plan_pk": flagged_plan(org.people[EMPLOYEE]).pk}


def _case(org: Organisation) -> dict[str, Any]:
    from casework import services
    from casework.models import Case as CaseModel
    from casework.tests.factories import flagged_plan

    person = org.people[EMPLOYEE]
    found = CaseModel.objects.filter(person=person, casemanager__isnull=False).first()
    if found is None:
        found = services.consent_give(plan=flagged_plan(person), actor=org.users[EMPLOYEE])
    assert found.casemanager == org.people[CASEMANAGER]
    return {"pk": found.pk}


def _unassigned(org: Organisation) -> dict[str, Any]:
    from casework.tests.factories import unassigned_case

    return {"pk": unassigned_case(org.people[EMPLOYEE]).pk}


def _buddy(org: Organisation) -> Any:
    from casework.models import Buddy
    from casework.tests.factories import buddy

    return Buddy.objects.filter(person=org.people[BUDDY]).first() or buddy(org.people[BUDDY])


def _buddy_pk(org: Organisation) -> dict[str, Any]:
    return {"pk": _buddy(org).pk}


def _as_buddy(org: Organisation) -> dict[str, Any]:
    _buddy(org)
    return {}


def _match(org: Organisation) -> dict[str, Any]:
    from casework.tests.factories import match

    return {"pk": match(_buddy(org), org.people[EMPLOYEE]).pk}


def _api(expect: dict[str, str]) -> dict[str, str]:
    return {**expect, ANONYMOUS: FORBIDDEN}


ROWS: dict[str, Case] = {
    "casework:own": Case(logged_in()),
    "casework:consent_give": Case(only_found_by(EMPLOYEE), method="post", kwargs=_consent_plan, data={"agree": "on"}),
    "casework:my_case": Case(only_found_by(EMPLOYEE), kwargs=_case),
    "casework:consent_withdraw": Case(only_found_by(EMPLOYEE), method="post", kwargs=_case),
    "casework:cases": Case(only(CASEMANAGER)),
    # The casemanager's page: 404 to everyone else, the employee's manager, the coordinator and HR included.
    "casework:case": Case(only_found_by(CASEMANAGER), kwargs=_case),
    "casework:case_claim": Case(only_found_by(CASEMANAGER), method="post", kwargs=_unassigned),
    "casework:buddies": Case(only(COORDINATOR)),
    "casework:buddy_add": Case(only(COORDINATOR)),
    "casework:buddy_edit": Case(only(COORDINATOR), kwargs=_buddy_pk),
    "casework:match_add": Case(only(COORDINATOR)),
    "casework:match_end": Case(only(COORDINATOR), method="post", kwargs=_match),
    "casework:my_buddy": Case(logged_in()),
    "casework:my_matches": Case(only_found_by(BUDDY), kwargs=_as_buddy),
    "casework-own-case-list": Case(logged_in(anonymous=FORBIDDEN)),
    "casework-own-case-detail": Case(_api(only_found_by(EMPLOYEE)), kwargs=_case),
    "casework-case-list": Case(only(CASEMANAGER, anonymous=FORBIDDEN)),
    "casework-case-detail": Case({**only(CASEMANAGER, anonymous=FORBIDDEN)}, kwargs=_case),
    "casework-own-buddy-list": Case(logged_in(anonymous=FORBIDDEN)),
    "casework-pool-list": Case(only(COORDINATOR, anonymous=FORBIDDEN)),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
