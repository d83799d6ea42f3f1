"""Read-only catalogue API: /api/v1/voorzieningen/ and /api/v1/deskundigen/ (public, no personal data)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, viewsets

from catalogue import search, selectors
from catalogue.constants import AccessRoute, Audience, Battery, Theme
from catalogue.models import ContactChannel, ExpertRole, Provision


class SubProvisionSerializer(serializers.ModelSerializer[Provision]):
    class Meta:
        model = Provision
        fields = ["slug", "name", "summary"]


class ContactChannelSerializer(serializers.ModelSerializer[ContactChannel]):
    unit: serializers.SlugRelatedField[ContactChannel] = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="Code van de eenheid; leeg als het kanaal voor iedereen is.",
    )

    class Meta:
        model = ContactChannel
        fields = ["unit", "kind", "label", "value", "availability"]


class ProvisionSerializer(serializers.ModelSerializer[Provision]):
    batteries = serializers.ListField(child=serializers.CharField(), read_only=True)
    themes: serializers.SlugRelatedField[Provision] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    audiences: serializers.SlugRelatedField[Provision] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    sub_provisions = SubProvisionSerializer(many=True, read_only=True)

    class Meta:
        model = Provision
        fields = [
            "slug",
            "name",
            "summary",
            "description",
            "how_to_start",
            "batteries",
            "themes",
            "audiences",
            "access_route",
            "confidentiality",
            "provider",
            "availability",
            "cost",
            "waiting_time",
            "sub_provisions",
        ]


class ProvisionDetailSerializer(ProvisionSerializer):
    """One provision, with its contact channels (per unit and for everyone)."""

    contact_channels = ContactChannelSerializer(source="channels", many=True, read_only=True)

    class Meta(ProvisionSerializer.Meta):
        fields = [*ProvisionSerializer.Meta.fields, "contact_channels"]


class ExpertSerializer(serializers.ModelSerializer[ExpertRole]):
    contact_channels = ContactChannelSerializer(source="channels", many=True, read_only=True)

    class Meta:
        model = ExpertRole
        fields = ["slug", "name", "team", "for_what", "how_to_reach", "contact_channels"]


class ProvisionFilterSerializer(serializers.Serializer[dict[str, str]]):
    """The list filters; an unknown value is answered with 400 and a message per parameter."""

    battery = serializers.ChoiceField(choices=Battery.values, required=False)
    theme = serializers.ChoiceField(choices=Theme.values, required=False)
    audience = serializers.ChoiceField(choices=Audience.values, required=False)
    access_route = serializers.ChoiceField(choices=AccessRoute.values, required=False)
    q = serializers.CharField(required=False, allow_blank=True, max_length=100)


def _choice(name: str, choices: list[str], description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, enum=choices, description=description)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            _choice("battery", Battery.values, "Batterij van het huis van werkvermogen."),
            _choice("theme", Theme.values, "Thema."),
            _choice("audience", Audience.values, "Doelgroep."),
            _choice("access_route", AccessRoute.values, "Toegangsroute."),
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                description="Zoekwoorden; de resultaten staan op relevantie (Nederlandse stamvormen en synoniemen).",
            ),
        ]
    )
)
class ProvisionViewSet(viewsets.ReadOnlyModelViewSet[Provision]):
    """Provisions of the current published edition of the Zorgwijzer."""

    serializer_class = ProvisionSerializer
    lookup_field = "slug"
    permission_classes = [permissions.AllowAny]
    zw_public = True  # public content: no login, no second factor (access.public_page)

    def get_serializer_class(self) -> type[ProvisionSerializer]:
        return ProvisionDetailSerializer if self.action == "retrieve" else ProvisionSerializer

    def get_queryset(self) -> QuerySet[Provision]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database needed
            return Provision.objects.none()
        edition = selectors.current_edition()
        if self.action == "retrieve":
            return selectors.all_provisions(edition).prefetch_related("channels__unit")
        filters = ProvisionFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        chosen = filters.validated_data
        found = selectors.provisions(
            edition,
            battery=chosen.get("battery", ""),
            theme=chosen.get("theme", ""),
            audience=chosen.get("audience", ""),
            access_route=chosen.get("access_route", ""),
        )
        query = chosen.get("q", "")
        if query.strip():
            # Ranked by relevance (catalogue/search.py); a query of only punctuation finds nothing.
            found = search.search_queryset(found, query)
        return found


class ExpertViewSet(viewsets.ReadOnlyModelViewSet[ExpertRole]):
    """Expert roles of the current edition (§2.5 and §2.6 of the Zorgwijzer)."""

    serializer_class = ExpertSerializer
    lookup_field = "slug"
    permission_classes = [permissions.AllowAny]
    zw_public = True

    def get_queryset(self) -> QuerySet[ExpertRole]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no database needed
            return ExpertRole.objects.none()
        return selectors.experts(selectors.current_edition())
