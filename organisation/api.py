"""Read-only API over the organisation structure (no personal data)."""

from __future__ import annotations

from rest_framework import serializers, viewsets

from organisation.models import OrgNode, Unit, UnitStrength


class UnitStrengthSerializer(serializers.ModelSerializer[UnitStrength]):
    class Meta:
        model = UnitStrength
        fields = ["reference_date", "fte_operational", "fte_non_operational", "source"]


class UnitSerializer(serializers.ModelSerializer[Unit]):
    strengths = UnitStrengthSerializer(many=True, read_only=True)

    class Meta:
        model = Unit
        fields = ["code", "name", "kind", "strengths"]


class OrgNodeSerializer(serializers.ModelSerializer[OrgNode]):
    unit: serializers.SlugRelatedField[Unit] = serializers.SlugRelatedField(slug_field="code", read_only=True)
    parent: serializers.SlugRelatedField[OrgNode] = serializers.SlugRelatedField(  # type: ignore[assignment]
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="Code van het bovenliggende onderdeel; leeg bovenaan.",
    )

    class Meta:
        model = OrgNode
        fields = ["code", "name", "kind", "unit", "parent"]


class UnitViewSet(viewsets.ReadOnlyModelViewSet[Unit]):
    """The organisational units with their staff strength facts."""

    serializer_class = UnitSerializer
    lookup_field = "code"
    queryset = Unit.objects.prefetch_related("strengths").order_by("name")


class OrgNodeViewSet(viewsets.ReadOnlyModelViewSet[OrgNode]):
    """Districts, basisteams, departments and teams."""

    serializer_class = OrgNodeSerializer
    lookup_field = "code"
    queryset = OrgNode.objects.select_related("unit", "parent").order_by("unit__name", "name")
