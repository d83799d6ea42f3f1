"""Read-only API over the stored figure tables (public: aggregate, published facts, no personal data)."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import permissions, serializers, viewsets

from figures import selectors
from figures.models import FigureRow, FigureTable
from organisation.models import Unit


class FigureRowSerializer(serializers.ModelSerializer[FigureRow]):
    unit: serializers.SlugRelatedField[Unit] = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="Code van de eenheid; leeg: de hele organisatie."
    )

    class Meta:
        model = FigureRow
        fields = ["label", "year", "value", "is_total", "unit", "note"]


class FigureTableSerializer(serializers.ModelSerializer[FigureTable]):
    rows = FigureRowSerializer(many=True, read_only=True)

    class Meta:
        model = FigureTable
        fields = ["code", "title", "section", "source", "measure", "ranked", "notes", "rows"]


class FigureTableViewSet(viewsets.ReadOnlyModelViewSet[FigureTable]):
    """The tables of facts and figures (Zorgwijzer section 2), each with its numbers per year."""

    serializer_class = FigureTableSerializer
    lookup_field = "code"
    permission_classes = [permissions.AllowAny]
    zw_public = True  # aggregate, published figures (access.public_page)

    def get_queryset(self) -> QuerySet[FigureTable]:
        return selectors.figure_tables()
