"""Teamcare API under /api/v1/teams-in-beeld-signalen/: the teams in the caller's scope on which
enough signals coincide, with the reasons (the same rules and scope as the page)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from access.drf import RequiredAction
from core import anonymity, audit
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


class PeriodQuerySerializer(serializers.Serializer[Any]):
    """``?periode=``: a quarter from the start of the history up to this quarter (default: this quarter)."""

    periode = serializers.CharField(required=False, allow_blank=True, max_length=20)

    def validate_periode(self, value: str) -> periods.Period | None:
        if not value:
            return None
        first, last = self.context["bounds"]
        return periods.validate(value, first=first, last=last)


class TeamSignalsViewSet(viewsets.ViewSet):
    """Teams in your scope with at least ``TEAMCARE_MIN_SIGNALS`` coinciding signals in a quarter."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "teamcare.signals"

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "periode",
                str,
                description="Kwartaal, bijvoorbeeld 2026-K2 (standaard: dit kwartaal); niet in de toekomst en niet "
                "van vóór de HR-geschiedenis.",
            )
        ],
        responses=TeamSignalsSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        bounds = selectors.signal_period_bounds()
        query = PeriodQuerySerializer(data=request.query_params, context={"bounds": bounds})
        query.is_valid(raise_exception=True)  # 400 {"periode": ["…"]}: the Dutch message at the field
        period = query.validated_data.get("periode") or bounds[1]
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


# --- Reporting norm and the quarterly summary to the team -----------------------------------


class FeedbackSerializer(serializers.Serializer[Any]):
    """A count is null when it is below the anonymity threshold (``onder_drempel`` says so)."""

    periode = serializers.CharField(source="period.code")
    gebeurtenissen = serializers.IntegerField(source="events.value", allow_null=True)
    plannen_gestart = serializers.IntegerField(source="plans.value", allow_null=True)
    stappen_afgerond = serializers.IntegerField(source="steps.value", allow_null=True)


class NormVersionSerializer(serializers.Serializer[Any]):
    altijd_melden = serializers.ListField(source="items", child=serializers.CharField())
    vastgesteld_door = serializers.CharField(source="author_name")
    vastgesteld_op = serializers.DateTimeField(source="created_at")


class TeamNormSerializer(serializers.Serializer[Any]):
    team_id = serializers.IntegerField(source="team.pk")
    team = serializers.CharField(source="team.name")
    meldnorm = NormVersionSerializer(source="current", allow_null=True)
    eerdere_versies = NormVersionSerializer(source="history", many=True)
    drempel = serializers.IntegerField(source="threshold")
    terugkoppeling = FeedbackSerializer(source="feedback", many=True)


class ReportingNormViewSet(viewsets.ViewSet):
    """The reporting norm and the quarterly summary of your own team and of the teams you lead."""

    lookup_value_regex = r"\d+"
    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "teamcare.evaluate"

    def _data(self, team: Any) -> dict[str, Any]:
        versions = selectors.norm_versions(team)
        return {
            "team": team,
            "current": versions[0] if versions else None,
            "history": versions[1:],
            "threshold": anonymity.threshold(),
            "feedback": selectors.team_feedback(team),
        }

    @extend_schema(responses=TeamNormSerializer(many=True))
    def list(self, request: Request) -> Response:
        teams = list(selectors.norm_teams(request.user))
        for team in teams:
            audit.record(
                action=AuditAction.READ,
                request=request._request,
                object_type="teamcare.feedback",
                object_id=str(team.pk),
            )
        return Response(TeamNormSerializer([self._data(team) for team in teams], many=True).data)

    @extend_schema(responses=TeamNormSerializer)
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        team = selectors.norm_team(request.user, int(pk)) if pk and pk.isdigit() else None
        if team is None:
            raise NotFound
        audit.record(
            action=AuditAction.READ, request=request._request, object_type="teamcare.feedback", object_id=str(team.pk)
        )
        return Response(TeamNormSerializer(self._data(team)).data)
