"""Self-test API: /api/v1/zelftests/ (definitions) and /api/v1/zelftests/{slug}/score/.

Public and anonymous by construction: no authentication is even attempted (so no user is tied
to a request), answers are scored in the request and only the result is returned. Nothing of
the answers or the result is written anywhere; only the weekly counter goes up.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ParseError
from rest_framework.request import Request
from rest_framework.response import Response

from access import sessionless
from selftests import forms, loading, presentation, services
from selftests.loading import Instrument, Text
from selftests.scoring import Answers, crisis, missing_or_invalid
from selftests.scoring import score as score_answers


class TextSerializer(serializers.Serializer[Text]):
    nl = serializers.CharField()
    en = serializers.CharField()


class OptionSerializer(serializers.Serializer[Any]):
    value = serializers.CharField()
    points = serializers.IntegerField()
    label = TextSerializer()  # type: ignore[assignment]


class ItemSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    text = TextSerializer()
    text_colleague = TextSerializer(allow_null=True)
    domain = serializers.CharField(help_text="Leeg voor vragen die niet meetellen in een onderdeel.")
    options = OptionSerializer(many=True, source="scale")


class PageSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    title = TextSerializer()
    intro = TextSerializer(allow_null=True)
    show_when = serializers.JSONField(allow_null=True, help_text="Voorwaarde waaronder de pagina verschijnt.")
    items = ItemSerializer(many=True)


class DomainSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    label = TextSerializer()  # type: ignore[assignment]
    group = serializers.CharField()


class InstrumentSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    version = serializers.IntegerField()
    title = TextSerializer()
    summary = TextSerializer()
    minutes = serializers.IntegerField()
    modes = serializers.ListField(child=serializers.CharField(), help_text="Manieren van invullen: zelf en/of collega.")
    event_date = serializers.BooleanField(help_text="Of de test om de datum van een gebeurtenis vraagt.")
    url = serializers.SerializerMethodField()

    def get_url(self, instrument: Instrument) -> str:
        return reverse("selftests:run", args=[instrument.slug])


class InstrumentDetailSerializer(InstrumentSerializer):
    intro = TextSerializer()
    pages = PageSerializer(many=True)
    domains = DomainSerializer(many=True)
    license = serializers.DictField(child=serializers.CharField())


class AnswersField(serializers.DictField):
    """Item id → chosen option value. A JSON object; form posts may send it as a JSON string."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(child=serializers.CharField(), **kwargs)

    def get_value(self, dictionary: Any) -> Any:
        if self.field_name in dictionary:  # a form post: the JSON text as sent, not "answers.<key>" fields
            return dictionary[self.field_name]
        return serializers.empty

    def to_internal_value(self, data: Any) -> dict[str, str]:
        if isinstance(data, str):
            import json

            try:
                data = json.loads(data)
            except ValueError:
                self.fail("not_a_dict", input_type="string")
        return super().to_internal_value(data)  # type: ignore[no-any-return]


class ScoreRequestSerializer(serializers.Serializer[dict[str, Any]]):
    answers = AnswersField(help_text="Per vraag (id) de waarde van het gekozen antwoord.")
    mode = serializers.ChoiceField(choices=loading.MODES, required=False, help_text="zelf (standaard) of collega.")
    event_date = serializers.DateField(required=False, help_text="Datum van de gebeurtenis (alleen de Mirror).")


class LinkSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    name = serializers.CharField()
    url = serializers.CharField()


class BandSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    summary = serializers.CharField()


class DomainResultSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    band = serializers.ChoiceField(choices=loading.BAND_ORDER)
    band_label = serializers.CharField()
    points = serializers.IntegerField()
    max_points = serializers.IntegerField()


class AdviceSerializer(serializers.Serializer[Any]):
    id = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField()
    provisions = LinkSerializer(many=True)
    experts = LinkSerializer(many=True)


class ScoreResultSerializer(serializers.Serializer[Any]):
    instrument = serializers.CharField()
    version = serializers.IntegerField()
    mode = serializers.CharField()
    days_since_event = serializers.IntegerField(allow_null=True)
    band = BandSerializer()
    domains = DomainResultSerializer(many=True)
    crisis = serializers.BooleanField(help_text="Waar: toon eerst het crisisblok (112, 113, 24/7 Loket, huisarts).")
    advice = AdviceSerializer(many=True)
    provisions = LinkSerializer(many=True)
    disclaimer = serializers.CharField()


@extend_schema_field(
    {
        "oneOf": [
            {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
            {"type": "array", "items": {"type": "string"}},
        ],
        "description": "Per vraag (id) de meldingen; een lijst als answers zelf niet te lezen is.",
    }
)
class AnswerErrorsField(serializers.JSONField):
    pass


class ScoreErrorSerializer(serializers.Serializer[Any]):
    answers = AnswerErrorsField(required=False)
    non_field_errors = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Het verzoek als geheel is niet te lezen."
    )
    mode = serializers.ListField(child=serializers.CharField(), required=False)
    event_date = serializers.ListField(child=serializers.CharField(), required=False)
    crisis = serializers.BooleanField(
        help_text="Een antwoord wijst op acuut gevaar: toon meteen het crisisblok (112, 113, 24/7 Loket)."
    )


class ScoreInvalid(Exception):
    """Answers that cannot be scored: the messages per field, and whether a safety rule fires."""

    def __init__(self, errors: dict[str, Any], *, crisis: bool) -> None:
        super().__init__(errors)
        self.errors, self.crisis = errors, crisis


def _instrument(slug: str) -> Instrument:
    instrument = loading.get(slug)
    if instrument is None:
        raise Http404
    return instrument


def _answer_errors(instrument: Instrument, answers: Answers, given: dict[str, str]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for item_id, problem in missing_or_invalid(instrument, answers).items():
        if problem == "missing":
            errors[item_id] = [_("Dit antwoord ontbreekt.")]
        else:
            item = instrument.item(item_id)
            choices = ", ".join(option.value for option in item.scale) if item else ""
            errors[item_id] = [_("Kies een van deze antwoorden: %(choices)s.") % {"choices": choices}]
    for item_id in sorted(set(given) - {item.id for item in instrument.items}):
        errors[item_id] = [_("Deze vraag bestaat niet in deze zelftest.")]
    return errors


def _validated(instrument: Instrument, data: dict[str, Any]) -> Answers:
    """The answers of a score request, or a ValidationError (400) with a message per field."""
    mode = data.get("mode") or instrument.modes[0]
    errors: dict[str, Any] = {}
    if mode not in instrument.modes:
        errors["mode"] = [_("Deze zelftest kent deze manier van invullen niet.")]
    event_date = data.get("event_date")
    if instrument.event_date:
        if event_date is None:
            errors["event_date"] = [_("Vul de datum van de gebeurtenis in.")]
        else:
            try:
                forms.validate_event_date(event_date)
            except Exception as error:  # django.forms.ValidationError
                errors["event_date"] = [str(message) for message in getattr(error, "messages", [str(error)])]
    answers = forms.answers_of(
        instrument,
        {
            **data["answers"],
            forms.MODE_FIELD: mode,
            **({forms.DATE_FIELD: event_date.isoformat()} if event_date and instrument.event_date else {}),
        },
    )
    answer_errors = _answer_errors(instrument, answers, data["answers"])
    if answer_errors:
        errors["answers"] = answer_errors
    if errors:
        raise ScoreInvalid(errors, crisis=_crisis_among(instrument, answers, answer_errors))
    return answers


def _crisis_among(instrument: Instrument, answers: Answers, answer_errors: dict[str, list[str]]) -> bool:
    """A safety answer counts even when other answers are missing or wrong: the caller must show
    the crisis block (112, 113, the 24/7 Loket) whatever else is wrong with the request."""
    valid = {key: value for key, value in answers.values.items() if key not in answer_errors}
    return crisis(instrument, replace(answers, values=valid))


def _crisis_in_unreadable(instrument: Instrument, data: Any) -> bool:
    """Whether a request that cannot be read as a whole (a wrong mode or date, say) still holds a
    safety answer among readable answers."""
    if not isinstance(data, Mapping):
        return False
    try:
        given = AnswersField().run_validation(data.get("answers"))
    except serializers.ValidationError:
        return False
    mode = str(data.get("mode")) if data.get("mode") in instrument.modes else instrument.modes[0]
    answers = forms.answers_of(instrument, {**given, forms.MODE_FIELD: mode})
    return _crisis_among(instrument, answers, _answer_errors(instrument, answers, given))


def _plain_score_request(data: Any) -> dict[str, Any] | None:
    """A score request in its plain JSON form — an object with ``answers`` (strings to non-blank
    strings without surrounding spaces), an optional known ``mode`` and an optional ``event_date``
    as YYYY-MM-DD — validated as ``ScoreRequestSerializer`` would; None for anything else, which
    then goes through the serializer and its messages. The serializer's field machinery cost more
    than the scoring itself (``make bench``)."""
    if type(data) is not dict or not set(data) <= {"answers", "mode", "event_date"}:
        return None
    answers = data.get("answers")
    if type(answers) is not dict or not all(
        type(key) is str and type(value) is str and value and value == value.strip() for key, value in answers.items()
    ):
        return None
    plain: dict[str, Any] = {"answers": answers}
    if "mode" in data:
        if data["mode"] not in loading.MODES:
            return None
        plain["mode"] = data["mode"]
    if "event_date" in data:
        event_date = data["event_date"]
        if type(event_date) is not str or len(event_date) != 10:
            return None
        try:
            plain["event_date"] = datetime.date.fromisoformat(event_date)
        except ValueError:
            return None
    return plain


class SelfTestViewSet(viewsets.ViewSet):
    """Self-test definitions, and scoring of answers without storing them."""

    lookup_field = "slug"
    lookup_value_regex = "[a-z0-9-]+"
    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []  # anonymous by construction: no user is ever attached
    zw_public = True  # public content: no login, no second factor (access.public_page)

    @extend_schema(responses=InstrumentSerializer(many=True))
    def list(self, request: Request) -> Response:
        instruments = list(loading.instruments().values())
        return Response(InstrumentSerializer(instruments, many=True).data)

    @extend_schema(responses={200: InstrumentDetailSerializer, 404: OpenApiResponse(description="Onbekende zelftest.")})
    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(InstrumentDetailSerializer(_instrument(slug)).data)

    @extend_schema(
        request=ScoreRequestSerializer,
        responses={
            200: ScoreResultSerializer,
            400: OpenApiResponse(ScoreErrorSerializer, description="Ontbrekende of ongeldige antwoorden, per vraag."),
            404: OpenApiResponse(description="Onbekende zelftest."),
        },
    )
    @action(detail=True, methods=["post"])
    @sessionless
    def score(self, request: Request, slug: str) -> Response:
        """Score answers; the response is the result. Nothing of it is stored."""
        instrument = _instrument(slug)
        try:
            data = request.data
        except ParseError as error:
            return Response({"non_field_errors": [str(error.detail)], "crisis": False}, status=400)
        validated = _plain_score_request(data)
        if validated is None:  # anything but the plain JSON form: the serializer's checks and messages
            payload = ScoreRequestSerializer(data=data)
            if not payload.is_valid():
                return Response({**payload.errors, "crisis": _crisis_in_unreadable(instrument, data)}, status=400)
            validated = payload.validated_data
        try:
            body = _scored(instrument, validated)
        except ScoreInvalid as invalid:
            return Response({**invalid.errors, "crisis": invalid.crisis}, status=400)
        return Response(body)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """A score request in the plain JSON form that can be scored is answered without DRF's
        request, negotiation and renderer machinery, which cost more than the scoring (``make
        bench``): the same body and status, as ``JSONRenderer`` writes it. Anything else (another
        content type or ``Accept``, a body that is not plain, wrong answers, an unknown test)
        takes DRF's way with its messages."""
        if self.action_map.get(request.method.lower() if request.method else "") == "score":
            answered = _plain_score(request, kwargs.get("slug", ""))
            if answered is not None:
                return answered
        return super().dispatch(request, *args, **kwargs)


def _scored(instrument: Instrument, validated: dict[str, Any]) -> dict[str, Any]:
    """The score API's answer body for validated request data (``ScoreInvalid`` when the answers
    cannot be scored); counts the use. Nothing of the answers is stored."""
    result = score_answers(instrument, _validated(instrument, validated))
    services.usage_count(instrument=instrument.slug)
    return presentation.score_response(result)  # ScoreResultSerializer's fields, as plain data


_JSON_TYPES = frozenset({"", "*/*", "application/json", "application/*"})


def _plain_score(request: HttpRequest, slug: str) -> HttpResponse | None:
    """The ``200`` for a plain JSON score request that can be scored, or None (DRF's way)."""
    if request.method != "POST" or request.content_type != "application/json":
        return None
    if request.headers.get("Accept", "").split(";")[0].strip() not in _JSON_TYPES:
        return None
    instrument = loading.get(slug)
    if instrument is None:
        return None
    try:
        validated = _plain_score_request(json.loads(request.body))
        if validated is None:
            return None
        body = _scored(instrument, validated)
    except (ValueError, ScoreInvalid):  # unreadable JSON (a ValueError) or answers with messages
        return None
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")), content_type="application/json"
    )
    response["Vary"] = "Accept"
    response["Allow"] = "POST, OPTIONS"
    return response
