"""``/api/v1/waar-kan-ik-terecht/``: the router's answer for four answers (public, nothing stored)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from access.drf import RequiredAction
from confidential.constants import Danger
from confidential.forms import RouterForm
from confidential.router import Ranked, danger_only, rank

#: The answers are in the query: no copy in a cache on the way.
NO_STORE = {"Cache-Control": "no-store"}


class RouteSerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.CharField()
    name = serializers.CharField()
    why = serializers.ListField(child=serializers.CharField(), help_text="Waarom deze route past bij de antwoorden.")
    what_happens = serializers.CharField()
    who_knows = serializers.CharField()
    how_to_start = serializers.CharField()
    url = serializers.CharField(help_text="Pagina met contactgegevens, of leeg.")


class RouterQuerySerializer(serializers.Serializer):  # type: ignore[type-arg]
    gevaar = serializers.ChoiceField(choices=["ja", "nee"], help_text="Is er nu iemand in gevaar?")
    wat = serializers.ChoiceField(choices=["stoppen", "onderzoek", "praten", "advies"])
    over = serializers.ChoiceField(choices=["collega", "leidinggevende", "team", "anders"])
    leidinggevende = serializers.ChoiceField(
        choices=["ja", "nee", "weet-niet"], help_text="Mag je leidinggevende het weten?"
    )


class RouterViewSet(viewsets.ViewSet):
    """Where an employee can go, best first. A danger answer always puts Direct hulp first."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list[Any] = []  # anonymous by construction: no user is attached
    zw_public = True  # public content: no login, no second factor (access.public_page)

    @extend_schema(
        parameters=[RouterQuerySerializer],
        responses={
            200: RouteSerializer(many=True),
            400: OpenApiResponse(
                description="Ontbrekend of ongeldig antwoord, per vraag; met gevaar=ja ook direct_hulp."
            ),
        },
    )
    def list(self, request: Request) -> Response:
        form = RouterForm(request.query_params)
        if not form.is_valid():
            errors: dict[str, Any] = {name: [str(e) for e in found] for name, found in form.errors.items()}
            if request.query_params.get("gevaar") == Danger.YES:
                errors["direct_hulp"] = _route(danger_only()[0])  # help first, whatever else is missing
            return Response(errors, status=400, headers=NO_STORE)
        return Response(
            RouteSerializer([_route(item) for item in rank(form.answers())], many=True).data, headers=NO_STORE
        )


def _route(item: Ranked) -> dict[str, Any]:
    return {
        "slug": item.route.slug,
        "name": str(item.route.name),
        "why": item.why,
        "what_happens": str(item.route.what_happens),
        "who_knows": str(item.route.who_knows),
        "how_to_start": str(item.route.how_to_start),
        "url": item.route.url(),
    }


# --- The employee's own requests (MCU, mediation, vertrouwenspersoon) ------------------------------


class OwnRequestSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.IntegerField()
    soort = serializers.CharField(source="kind", help_text="mcu, mediation of vertrouwenspersoon.")
    status = serializers.CharField()
    aangevraagd_op = serializers.DateTimeField(source="created_at")
    afspraak = serializers.DateTimeField(source="appointment_at", allow_null=True)
    plaats = serializers.CharField(source="appointment_place")
    ondersteuning = serializers.ListField(
        source="support_options",
        child=serializers.CharField(),
        help_text="Gekozen uit het menu van de vertrouwenspersoon.",
    )


class OwnRequestViewSet(viewsets.ViewSet):
    """The logged-in employee's own requests: status and appointment (nobody else's)."""

    permission_classes = [permissions.IsAuthenticated, RequiredAction]
    required_action = "confidential.request"

    @extend_schema(responses=OwnRequestSerializer(many=True))
    def list(self, request: Request) -> Response:
        from confidential import selectors

        return Response(OwnRequestSerializer(selectors.own_requests(request.user), many=True).data)
