"""``/api/v1/integriteit/kaarten/`` and ``/api/v1/integriteit/themas/``: the dilemma library
(public content, read-only; no votes, no sessions)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from integrity import selectors
from integrity.constants import Theme
from integrity.models import Card


class IntegrityOptionSerializer(serializers.Serializer):  # type: ignore[type-arg]
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]


class CardSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    options = IntegrityOptionSerializer(many=True)
    prompts = serializers.ListField(child=serializers.CharField(), source="prompt_lines")
    rules = serializers.ListField(child=serializers.CharField(), source="rule_lines")

    class Meta:
        model = Card
        fields = ["slug", "number", "kind", "theme", "title", "text", "options", "prompts", "rules", "version"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("thema", str, enum=list(Theme.values), description="Alleen kaarten met dit thema."),
            OpenApiParameter("zoek", str, description="Woorden in titel, tekst of gespreksvragen."),
        ]
    )
)
class CardViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """The dilemma and statement cards, filterable by ``thema`` and searchable with ``zoek``."""

    serializer_class = CardSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "slug"
    zw_public = True

    def get_queryset(self) -> Any:
        params = self.request.query_params
        return selectors.cards(theme=params.get("thema", ""), query=params.get("zoek", ""))


class ThemeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    value = serializers.ChoiceField(choices=Theme.choices)
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField(help_text="Aantal kaarten met dit thema.")


class ThemeViewSet(viewsets.ViewSet):
    """The twelve themes with the number of cards in each."""

    permission_classes = [permissions.AllowAny]
    zw_public = True

    @extend_schema(responses=ThemeSerializer(many=True))
    def list(self, request: Request) -> Response:
        data = [{"value": t.value, "label": t.label, "count": t.count} for t in selectors.theme_counts()]
        return Response(ThemeSerializer(data, many=True).data)
