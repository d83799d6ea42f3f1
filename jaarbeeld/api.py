"""Read API of the Sociaal Jaarbeeld: the indicator registry with stored values, and editions.

Readers as on the pages (``jaarbeeld.read``). Platform values are the frozen ones: a withheld
figure (group too small) has ``waarde`` null and ``niet_getoond`` true."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from rest_framework import serializers, viewsets

from access.drf import RequiredAction
from jaarbeeld.models import BlockItem, ConsultationRound, Edition, Indicator, IndicatorValue, ThreadItem
from organisation.models import Unit


class ValueSerializer(serializers.ModelSerializer[IndicatorValue]):
    eenheid: serializers.SlugRelatedField[Unit] = serializers.SlugRelatedField(
        source="unit", slug_field="code", read_only=True, allow_null=True, help_text="Leeg: de hele organisatie."
    )
    jaar = serializers.IntegerField(source="year")
    waarde = serializers.DecimalField(source="value", max_digits=12, decimal_places=1, allow_null=True)
    richting = serializers.CharField(source="direction")
    niet_getoond = serializers.BooleanField(source="suppressed", help_text="Te kleine groep: niet getoond.")
    aard = serializers.CharField(source="nature")
    duiding = serializers.CharField(source="interpretation")
    bron = serializers.CharField(source="source")

    class Meta:
        model = IndicatorValue
        fields = ["jaar", "eenheid", "waarde", "richting", "niet_getoond", "aard", "duiding", "bron"]


class IndicatorSerializer(serializers.ModelSerializer[Indicator]):
    dimensie = serializers.CharField(source="dimension.code")
    waarden = ValueSerializer(source="values", many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "dimensie",
            "definition",
            "measure",
            "period",
            "breakdown",
            "source_kind",
            "source",
            "owner",
            "waarden",
        ]


class IndicatorViewSet(viewsets.ReadOnlyModelViewSet[Indicator]):
    """The indicators of the Sociaal Jaarbeeld, each with its stored values per year and unit."""

    serializer_class = IndicatorSerializer
    lookup_field = "code"
    permission_classes = [RequiredAction]
    required_action = "jaarbeeld.read"

    def get_queryset(self) -> QuerySet[Indicator]:
        return Indicator.objects.select_related("dimension").prefetch_related(
            Prefetch("values", queryset=IndicatorValue.objects.select_related("unit").order_by("year", "unit__name"))
        )


class RoundSerializer(serializers.ModelSerializer[ConsultationRound]):
    class Meta:
        model = ConsultationRound
        fields = ["position", "held_on", "precision", "body", "subject", "outcome"]


class ThreadItemSerializer(serializers.ModelSerializer[ThreadItem]):
    class Meta:
        model = ThreadItem
        fields = ["part", "position", "text", "nature"]


class BlockItemSerializer(serializers.ModelSerializer[BlockItem]):
    dimensie = serializers.CharField(source="dimension.code")
    indicator: serializers.SlugRelatedField[Indicator] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Leeg als het blok bij geen indicator hoort."
    )

    class Meta:
        model = BlockItem
        fields = ["dimensie", "block", "position", "text", "nature", "indicator"]


class EditionSerializer(serializers.ModelSerializer[Edition]):
    rondes = RoundSerializer(source="rounds", many=True, read_only=True)
    rode_draden = ThreadItemSerializer(source="thread_items", many=True, read_only=True)
    uitspraken = BlockItemSerializer(source="block_items", many=True, read_only=True)

    class Meta:
        model = Edition
        fields = [
            "year",
            "title",
            "status",
            "summary",
            "classification",
            "finalised_on",
            "evaluation_on",
            "rondes",
            "rode_draden",
            "uitspraken",
        ]


class EditionViewSet(viewsets.ReadOnlyModelViewSet[Edition]):
    """The editions of the Sociaal Jaarbeeld with their history, rode draden and dimension texts."""

    serializer_class = EditionSerializer
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"
    permission_classes = [RequiredAction]
    required_action = "jaarbeeld.read"

    def get_queryset(self) -> QuerySet[Edition]:
        return Edition.objects.prefetch_related(
            "rounds",
            "thread_items",
            Prefetch("block_items", queryset=BlockItem.objects.select_related("dimension", "indicator")),
        ).order_by("-year")
