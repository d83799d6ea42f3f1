"""``/api/v1/waar-kan-ik-terecht/``: the router's answer for four answers (public, nothing stored)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from confidential.forms import RouterForm
from confidential.router import rank


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
            400: OpenApiResponse(description="Ontbrekend of ongeldig antwoord, per vraag."),
        },
    )
    def list(self, request: Request) -> Response:
        form = RouterForm(request.query_params)
        if not form.is_valid():
            return Response({name: [str(e) for e in errors] for name, errors in form.errors.items()}, status=400)
        ranked = [
            {
                "slug": item.route.slug,
                "name": str(item.route.name),
                "why": item.why,
                "what_happens": str(item.route.what_happens),
                "who_knows": str(item.route.who_knows),
                "how_to_start": str(item.route.how_to_start),
                "url": item.route.url(),
            }
            for item in rank(form.answers())
        ]
        return Response(RouteSerializer(ranked, many=True).data)
