"""Barista API under /api/v1/barista-…/: the import from incident systems (JSON, with an API
token of the system: ``accounts.token_auth``), the employee's own signals (AVG transparency) and
the aggregates for the pilot evaluation."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, status, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from access.drf import RequiredAction
from accounts.constants import ApiScope
from accounts.token_auth import ApiTokenAuthentication, TokenScope
from barista import exposure_csv, selectors, services_import
from barista.constants import Reason
from barista.models import ExposureType


class ImportRecordSerializer(serializers.Serializer[Any]):
    extern_id = serializers.CharField(help_text="Kenmerk van de registratie in het bronsysteem (uniek).")
    personeelsnummer = serializers.CharField()
    soort = serializers.CharField(help_text="Code van de soort gebeurtenis (zie /barista/soorten/).")
    datum_tijd = serializers.CharField(help_text="ISO 8601, bijvoorbeeld 2026-03-14T22:15:00+01:00.")


class ImportRequestSerializer(serializers.Serializer[Any]):
    records = serializers.ListField(child=serializers.DictField(), allow_empty=False)


class ImportResultSerializer(serializers.Serializer[Any]):
    created = serializers.IntegerField(help_text="Nieuwe gebeurtenissen.")
    unchanged = serializers.IntegerField(help_text="Al eerder aangeleverd: niets veranderd.")


class ImportErrorSerializer(serializers.Serializer[Any]):
    errors = serializers.ListField(  # type: ignore[assignment]
        child=inline_serializer(
            "BaristaImportRowError",
            fields={
                "row": serializers.IntegerField(allow_null=True, help_text="Volgnummer van het record (vanaf 1)."),
                "field": serializers.CharField(allow_null=True),
                "message": serializers.CharField(),
            },
        )
    )


class ExposureTypeSerializer(serializers.ModelSerializer[ExposureType]):
    class Meta:
        model = ExposureType
        fields = ["code", "name", "weight", "impact_class"]


class TokenErrorSerializer(serializers.Serializer[Any]):
    detail = serializers.CharField(help_text="Waarom het verzoek is geweigerd.")


#: The refusals of a token endpoint: no, an unknown, a revoked or an expired token (401), a token
#: without the endpoint's scope (403), too many refused tokens from one client (429, Retry-After).
TOKEN_REFUSALS = {401: TokenErrorSerializer, 403: TokenErrorSerializer, 429: TokenErrorSerializer}


class ExposureImportViewSet(viewsets.ViewSet):
    """Import exposures from an incident system. All records are checked first: if one is invalid,
    nothing is stored and the response lists every problem per record. A record whose
    ``extern_id`` was delivered before with the same data changes nothing.

    Only for systems, with an API token holding the scope ``barista:blootstellingen``
    (``Authorization: Bearer <token>``); a person's session is not accepted here. The functioneel
    beheerder uploads a CSV file on ``/barista/import/`` instead."""

    authentication_classes = [ApiTokenAuthentication]
    permission_classes = [TokenScope]
    required_scope = ApiScope.BARISTA_EXPOSURES
    # JSON only, and no OPTIONS metadata: the browsable API and the metadata would check the
    # permission again (one more audited "use" per request).
    renderer_classes = [JSONRenderer]
    metadata_class = None

    @extend_schema(responses={200: ExposureTypeSerializer(many=True), **TOKEN_REFUSALS})
    def list(self, request: Request) -> Response:
        """The exposure type codes an import may use, with their weight and impact class."""
        types = ExposureType.objects.filter(is_active=True).order_by("code")
        return Response(ExposureTypeSerializer(types, many=True).data)

    @extend_schema(
        request=ImportRequestSerializer,
        responses={200: ImportResultSerializer, 400: ImportErrorSerializer, **TOKEN_REFUSALS},
        examples=[],
    )
    def create(self, request: Request) -> Response:
        payload = ImportRequestSerializer(data=request.data)
        if not payload.is_valid():
            return Response(
                {"errors": [{"row": None, "field": "records", "message": _("Stuur een niet-lege lijst 'records'.")}]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        report = services_import.exposure_import_apply(
            rows=exposure_csv.from_json(payload.validated_data["records"]), actor=request.user, request=request._request
        )
        if not report.ok:
            return Response(
                {"errors": [{"row": e.row, "field": e.column, "message": e.message} for e in report.errors]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(ImportResultSerializer({"created": report.created, "unchanged": report.unchanged}).data)


class ExposureOutSerializer(serializers.Serializer[Any]):
    type = serializers.CharField(source="type.name")  # type: ignore[assignment]
    occurred_at = serializers.DateTimeField()
    source = serializers.CharField()  # type: ignore[assignment]


class SignalSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    status = serializers.CharField()
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=Reason.choices))
    referred_to = serializers.CharField(source="referred_to_name", allow_blank=True)
    expires_at = serializers.DateTimeField()
    exposures = ExposureOutSerializer(many=True, source="exposures.all")


class OwnSignalViewSet(viewsets.ViewSet):
    """The signals about the logged-in employee, why they exist and which events counted."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "barista.own"

    @extend_schema(responses=SignalSerializer(many=True))
    def list(self, request: Request) -> Response:
        return Response(SignalSerializer(selectors.own_signals(request.user), many=True).data)


class StatisticsRowSerializer(serializers.Serializer[Any]):
    level = serializers.ChoiceField(choices=["organisatie", "eenheid", "team"])
    name = serializers.CharField()
    shown = serializers.BooleanField()
    invitations = serializers.IntegerField(allow_null=True)
    followed_up_share = serializers.FloatField(allow_null=True)
    median_days_to_conversation = serializers.FloatField(allow_null=True)


class StatisticsViewSet(viewsets.ViewSet):
    """Aggregates per team and unit; groups under the anonymity threshold (and groups from which
    one could be worked out by subtraction) carry no figures."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "barista.statistics"

    @extend_schema(
        parameters=[OpenApiParameter("periode", str, enum=["12m", "6m", "3m"], description="Standaard 12m.")],
        responses=StatisticsRowSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        _chosen, since = selectors.period(request.query_params.get("periode", ""))
        levels = {0: "organisatie", 1: "eenheid", 2: "team"}
        data = [
            {
                "level": levels[row.level],
                "name": row.name,
                "shown": row.shown,
                "invitations": row.invitations if row.shown else None,
                "followed_up_share": row.followed_up_share if row.shown else None,
                "median_days_to_conversation": row.median_days if row.shown else None,
            }
            for row in selectors.statistics(since)
        ]
        return Response(StatisticsRowSerializer(data, many=True).data)
