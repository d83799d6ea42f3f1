"""Teamcare API under /api/v1/teams-in-beeld-signalen/: the teams in the caller's scope on which
enough signals coincide, with the reasons (the same rules and scope as the page)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from access.drf import RequiredAction
from core import audit
from core.models import AuditAction
from teamcare import periods, selectors
from teamcare.constants import SignalKind


class ReasonSerializer(serializers.Serializer[Any]):
    signaal = serializers.ChoiceField(source="kind", choices=SignalKind.choices)
    toelichting = serializers.CharField(source="text")


class TeamSignalsSerializer(serializers.Serializer[Any]):
    team_id = serializers.IntegerField()
    teamcode = serializers.CharField()
    team = serializers.CharField()
    periode = serializers.CharField()
    signalen = ReasonSerializer(many=True)


class TeamSignalsViewSet(viewsets.ViewSet):
    """Teams in your scope with at least ``TEAMCARE_MIN_SIGNALS`` coinciding signals in a quarter."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "teamcare.signals"

    @extend_schema(
        parameters=[
            OpenApiParameter("periode", str, description="Kwartaal, bijvoorbeeld 2026-K2 (standaard: dit kwartaal).")
        ],
        responses=TeamSignalsSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        period = periods.parse(request.query_params.get("periode", "")) or periods.period_of(timezone.localdate())
        rows = selectors.attention_list(selectors.signal_teams(request.user), period)
        audit.record(
            action=AuditAction.READ, request=request._request, object_type="teamcare.signals", object_id=period.code
        )
        data = [
            {
                "team_id": team.pk,
                "teamcode": team.code,
                "team": team.name,
                "periode": period.code,
                "signalen": found.reasons,
            }
            for team, found in rows
        ]
        return Response(TeamSignalsSerializer(data, many=True).data)
