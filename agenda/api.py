"""Read API of the Sociale Agenda: priorities with agenda questions, and the national actions."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import serializers, viewsets

from access.drf import RequiredAction
from agenda.models import Action, ActionUpdate, AgendaQuestion, Priority


class QuestionSerializer(serializers.ModelSerializer[AgendaQuestion]):
    class Meta:
        model = AgendaQuestion
        fields = ["position", "text"]


class PrioritySerializer(serializers.ModelSerializer[Priority]):
    vragen = QuestionSerializer(source="questions", many=True, read_only=True)

    class Meta:
        model = Priority
        fields = ["number", "title", "subtitle", "rationale", "vragen"]


class UpdateSerializer(serializers.ModelSerializer[ActionUpdate]):
    class Meta:
        model = ActionUpdate
        fields = ["at", "status", "starts_on", "ends_on", "note"]


class ActionSerializer(serializers.ModelSerializer[Action]):
    prioriteiten: serializers.SlugRelatedField[Priority] = serializers.SlugRelatedField(
        source="priorities", slug_field="number", many=True, read_only=True
    )
    trekker = serializers.CharField(source="lead_owner", read_only=True)
    in_samenwerking_met = serializers.CharField(source="co_owners", read_only=True)
    voortgang = UpdateSerializer(source="updates", many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "number",
            "what",
            "owner",
            "trekker",
            "in_samenwerking_met",
            "prioriteiten",
            "status",
            "starts_on",
            "ends_on",
            "catalogue_slug",
            "voortgang",
        ]


class PriorityViewSet(viewsets.ReadOnlyModelViewSet[Priority]):
    """The four priorities of the Sociale Agenda 2023-2027 with their agenda questions."""

    serializer_class = PrioritySerializer
    lookup_field = "number"
    permission_classes = [RequiredAction]
    required_action = "agenda.read"

    def get_queryset(self) -> QuerySet[Priority]:
        return Priority.objects.prefetch_related("questions").order_by("number")


class ActionViewSet(viewsets.ReadOnlyModelViewSet[Action]):
    """The national actions with their owners, the priorities they serve and their progress."""

    serializer_class = ActionSerializer
    lookup_field = "number"
    permission_classes = [RequiredAction]
    required_action = "agenda.read"

    def get_queryset(self) -> QuerySet[Action]:
        return Action.objects.prefetch_related("priorities", "updates").order_by("number")
