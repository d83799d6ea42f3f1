"""Complaints API under /api/v1/klachten/statistiek/: the anonymous counts per year for the
annual report (the same figures as the statistics page; suppressed counts are null)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from access.drf import RequiredAction
from complaints import selectors


class CellSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    shown = serializers.BooleanField()
    count = serializers.IntegerField(allow_null=True, help_text="Leeg als het aantal niet getoond mag worden.")


class YearSerializer(serializers.Serializer[Any]):
    year = serializers.IntegerField()
    total = serializers.IntegerField(help_text="Aantal klachten in de hele organisatie dat jaar.")
    units = CellSerializer(many=True)
    categories = CellSerializer(many=True)
    verdicts = CellSerializer(many=True)


def _year(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and 1900 < int(value) < 3000 else None


class StatisticsViewSet(viewsets.ViewSet):
    """Complaints about unwanted behaviour per year: organisation-wide, per unit, per category and
    per verdict. Counts under the anonymity threshold, and counts that could be worked out by
    subtraction, are null."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "complaints.statistics"

    @extend_schema(
        parameters=[
            OpenApiParameter("van", int, description="Eerste jaar (met 'tot')."),
            OpenApiParameter("tot", int, description="Laatste jaar (met 'van')."),
        ],
        responses=YearSerializer(many=True),
    )
    def list(self, request: Request) -> Response:
        first, last = _year(request.query_params.get("van")), _year(request.query_params.get("tot"))
        years = selectors.statistics(first, last) if first and last else selectors.statistics()
        data = [
            {
                "year": y.year,
                "total": y.total,
                **{
                    name: [{"key": c.key, "label": c.label, "shown": c.shown, "count": c.count} for c in cells]
                    for name, cells in (("units", y.units), ("categories", y.categories), ("verdicts", y.verdicts))
                },
            }
            for y in years
        ]
        return Response(YearSerializer(data, many=True).data)
