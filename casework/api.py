"""Casework API under /api/v1/: read-only, with the same rules as the pages.

* ``mijn-beroepsrisicozaken``: the employee's own recognition cases;
* ``beroepsrisicozaken``: the cases a casemanager works on (consent standing);
* ``mijn-buddy``: the employee's running buddy match(es);
* ``buddypoules``: the buddies in the pools a TCO coordinator keeps, with their status.
Every read of a case or a match is in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from access.drf import RequiredAction
from casework import buddies, selectors
from casework.constants import Decision, Stage
from casework.models import Case
from core import audit

_PK = [OpenApiParameter("id", int, OpenApiParameter.PATH, description="Het nummer van de zaak.")]


class CaseworkStepSerializer(serializers.Serializer[Any]):
    to_stage = serializers.ChoiceField(choices=Stage.choices)
    happened_on = serializers.DateField()
    rationale = serializers.CharField()


class CaseworkCaseSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    kind = serializers.CharField(help_text="beroepsincident, beroepsziekte of dienstongeval.")
    stage = serializers.ChoiceField(choices=Stage.choices)
    decision = serializers.ChoiceField(choices=[("", ""), *Decision.choices], help_text="Leeg tot het besluit.")
    consent_given_at = serializers.DateTimeField()
    consent_withdrawn_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    casemanager = serializers.CharField(source="casemanager.full_name", allow_null=True, default=None)
    history = CaseworkStepSerializer(many=True)


class CaseworkManagedCaseSerializer(CaseworkCaseSerializer):
    employee = serializers.CharField(source="person.full_name")
    employee_number = serializers.CharField(source="person.employee_number")


class _CaseViewSet(viewsets.ViewSet):
    """Cases as a list and one by one; each subclass says whose cases (``cases_of``)."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    serializer: type[serializers.Serializer[Any]] = CaseworkCaseSerializer
    cases_of: Callable[[Any], Any] = staticmethod(selectors.own_cases)

    def _cases(self, request: Request) -> Any:
        return type(self).cases_of(request.user)

    def _data(self, case: Case) -> dict[str, Any]:
        return dict(self.serializer(_fields(case)).data)

    def list(self, request: Request) -> Response:
        cases = list(self._cases(request))
        audit.log_reads(request, cases)
        return Response([self._data(case) for case in cases])

    def retrieve(self, request: Request, pk: str) -> Response:
        case = self._cases(request).filter(pk=int(pk) if pk.isdigit() else 0).first()
        if case is None:
            raise Http404
        audit.log_read(request, case, person=case.person)
        return Response(self._data(case))


def _fields(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "kind": case.kind,
        "stage": case.stage,
        "decision": case.decision,
        "consent_given_at": case.consent_given_at,
        "consent_withdrawn_at": case.consent_withdrawn_at,
        "closed_at": case.closed_at,
        "casemanager": case.casemanager,
        "person": case.person,
        "history": selectors.history(case),
    }


class OwnCaseViewSet(_CaseViewSet):
    """The employee's own recognition cases (Team Beroepsrisico), read-only."""

    required_action = "casework.own"
    serializer = CaseworkCaseSerializer
    cases_of = staticmethod(selectors.own_cases)

    @extend_schema(responses=CaseworkCaseSerializer(many=True))
    def list(self, request: Request) -> Response:
        return super().list(request)

    @extend_schema(responses=CaseworkCaseSerializer, parameters=_PK)
    def retrieve(self, request: Request, pk: str) -> Response:
        return super().retrieve(request, pk)


class ManagedCaseViewSet(_CaseViewSet):
    """The cases the casemanager works on, while the employee's consent stands."""

    required_action = "casework.cases"
    serializer = CaseworkManagedCaseSerializer
    cases_of = staticmethod(selectors.managed_cases)

    @extend_schema(responses=CaseworkManagedCaseSerializer(many=True))
    def list(self, request: Request) -> Response:
        return super().list(request)

    @extend_schema(responses=CaseworkManagedCaseSerializer, parameters=_PK)
    def retrieve(self, request: Request, pk: str) -> Response:
        return super().retrieve(request, pk)


class CaseworkOwnBuddySerializer(serializers.Serializer[Any]):
    buddy = serializers.CharField(source="buddy.person.full_name")
    email = serializers.CharField(source="buddy.person.email")
    phone = serializers.CharField(source="buddy.phone")
    started_on = serializers.DateField()


class OwnBuddyViewSet(viewsets.ViewSet):
    """The employee's buddy: who it is and how to reach them."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "casework.own"

    @extend_schema(responses=CaseworkOwnBuddySerializer(many=True))
    def list(self, request: Request) -> Response:
        return Response(CaseworkOwnBuddySerializer(selectors.own_buddy_matches(request.user), many=True).data)


class CaseworkPoolBuddySerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    unit = serializers.CharField()
    training_completed_on = serializers.DateField(allow_null=True)
    last_intervision_on = serializers.DateField(allow_null=True)
    intervision_due_on = serializers.DateField(allow_null=True, help_text="Laatste dag waarop de intervisie bij is.")
    is_active = serializers.BooleanField()
    matchable = serializers.BooleanField(help_text="Actief, opgeleid en intervisie niet te laat.")


class PoolViewSet(viewsets.ViewSet):
    """The buddies in the pools the TCO coordinator keeps, with training and intervision status."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "casework.buddies"

    @extend_schema(responses=CaseworkPoolBuddySerializer(many=True))
    def list(self, request: Request) -> Response:
        today = timezone.localdate()
        rows = [
            {
                "id": buddy.pk,
                "name": buddy.person.full_name,
                "unit": buddy.unit.name,
                "training_completed_on": buddy.training_completed_on,
                "last_intervision_on": buddy.last_intervision_on,
                "intervision_due_on": buddies.intervision_due_on(buddy),
                "is_active": buddy.is_active,
                "matchable": buddies.is_matchable(buddy, today),
            }
            for buddy in selectors.pool(request.user)
        ]
        return Response(CaseworkPoolBuddySerializer(rows, many=True).data)
