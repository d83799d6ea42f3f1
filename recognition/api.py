"""Recognition API under /api/v1/: the recognition pages (latest editions) and the employee's own
next jubilee. Read only; every logged-in employee."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions as drf_permissions
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

import access
from access.drf import RequiredAction
from recognition import selectors
from recognition.jubilees import next_jubilee
from zorgwijzer.schema import SingleObjectSchema


class RecognitionPageSerializer(serializers.Serializer[Any]):
    slug = serializers.CharField()
    edition = serializers.IntegerField(help_text="Editie: hoger is nieuwer.")
    section = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    body = serializers.CharField()
    how_to_join = serializers.CharField(help_text="Meedoen of aanmelden; leeg als dat niet van toepassing is.")


class OwnJubileeSerializer(serializers.Serializer[Any]):
    milestone_months = serializers.IntegerField(help_text="150, 300 of 480 maanden in dienst.", allow_null=True)
    date = serializers.DateField(allow_null=True)
    medal = serializers.CharField(help_text="politiemedaille, legpenning, vrijwilligersmedaille of leeg.")


class PageViewSet(viewsets.ViewSet):
    """The recognition pages of Zorgwijzer chapter 7, each in its latest edition."""

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "recognition.view"
    lookup_field = "slug"

    @extend_schema(responses=RecognitionPageSerializer(many=True))
    def list(self, request: Request) -> Response:
        return Response(RecognitionPageSerializer(selectors.current_pages(), many=True).data)

    @extend_schema(
        responses=RecognitionPageSerializer,
        parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH, description="De code van de pagina.")],
    )
    def retrieve(self, request: Request, slug: str) -> Response:
        page = selectors.current_page(slug)
        if page is None:
            raise Http404
        return Response(RecognitionPageSerializer(page).data)


class OwnJubileeViewSet(viewsets.ViewSet):
    """The logged-in employee's next service jubilee (empty fields when none is known)."""

    schema = SingleObjectSchema()  # the employee's own jubilee, not a list

    permission_classes = [drf_permissions.IsAuthenticated, RequiredAction]
    required_action = "recognition.view"

    @extend_schema(responses=OwnJubileeSerializer)
    def list(self, request: Request) -> Response:
        person = access.own_person(request.user)
        found = (
            next_jubilee(person.service_start_date, person.appointment_type, timezone.localdate())
            if person is not None
            else None
        )
        data = {
            "milestone_months": int(found.milestone) if found else None,
            "date": found.on if found else None,
            "medal": str(found.medal.value) if found and found.medal else "",
        }
        return Response(OwnJubileeSerializer(data).data)
