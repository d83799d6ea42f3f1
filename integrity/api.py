"""``/api/v1/integriteit/kaarten/`` and ``/api/v1/integriteit/themas/``: the dilemma library
(public content, read-only; no votes, no sessions). ``/api/v1/integriteit/screening-vragenlijst/``:
the aggregated results of the screening questionnaire, for VIK roles only (404 for everyone else),
under the same anonymity rules as the page, every read of shown results in the audit trail."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

import access
from core.audit import log_read, log_reads
from integrity import selectors
from integrity.constants import Theme
from integrity.models import Card, SurveyRound
from integrity.presentation import SurveyResults


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


class SurveyAnswerSerializer(serializers.Serializer):  # type: ignore[type-arg]
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="Deel van alle reacties in de periode, afgerond.")


class SurveyQuestionSerializer(serializers.Serializer):  # type: ignore[type-arg]
    number = serializers.IntegerField()
    key = serializers.CharField()
    text = serializers.CharField()
    answers = SurveyAnswerSerializer(many=True)


class SurveyRoundSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    title = serializers.CharField()
    unit = serializers.CharField(help_text="Naam van de eenheid.")
    opened_on = serializers.DateField()
    closed_on = serializers.DateField(allow_null=True)
    shown = serializers.BooleanField(
        help_text="Alleen waar als de periode gesloten is en minstens de anonimiteitsdrempel aan reacties heeft."
    )
    responses = serializers.IntegerField(allow_null=True, help_text="Aantal reacties; null als er niets getoond wordt.")
    threshold = serializers.IntegerField(help_text="De anonimiteitsdrempel.")
    questions = SurveyQuestionSerializer(many=True, help_text="Leeg als er niets getoond wordt.")


def _round_data(found: SurveyRound, results: SurveyResults) -> dict[str, Any]:
    return {
        "id": found.pk,
        "title": found.title,
        "unit": found.unit.name,
        "opened_on": found.opened_on,
        "closed_on": found.closed_on,
        "shown": results.shown,
        "responses": results.responses,
        "threshold": results.threshold,
        "questions": [
            {
                "number": question.number,
                "key": question.key,
                "text": question.text,
                "answers": [{"label": a.label, "count": a.count, "percent": a.percent} for a in question.answers],
            }
            for question in results.questions
        ],
    }


class SurveyResultsViewSet(viewsets.ViewSet):
    """Results of the anonymous questionnaire after screening, per period: counts per question and
    answer, only for closed periods with at least the anonymity threshold of responses. VIK roles
    see the periods of their units; everyone else gets 404."""

    lookup_value_regex = r"\d+"
    permission_classes = [permissions.IsAuthenticated]

    def _rounds(self, request: Request) -> Any:
        if not access.can(request.user, "integrity.survey"):
            raise Http404
        return selectors.survey_rounds(access.integrity_survey_rounds_filter(request.user))

    @extend_schema(
        responses={
            200: SurveyRoundSerializer(many=True),
            404: OpenApiResponse(description="Niet gevonden: alleen VIK-rollen zien deze uitslagen."),
        }
    )
    def list(self, request: Request) -> Response:
        found = list(self._rounds(request))
        results = list(zip(found, selectors.survey_results_of(found), strict=True))
        log_reads(request._request, [item for item, result in results if result.shown])
        return Response(SurveyRoundSerializer([_round_data(item, result) for item, result in results], many=True).data)

    @extend_schema(
        responses=SurveyRoundSerializer,
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH, description="Nummer van de periode.")],
    )
    def retrieve(self, request: Request, pk: str) -> Response:
        if not pk.isdigit():
            raise Http404
        found = get_object_or_404(self._rounds(request), pk=int(pk))
        result = selectors.survey_results(found)
        if result.shown:
            log_read(request._request, found)
        return Response(SurveyRoundSerializer(_round_data(found, result)).data)
