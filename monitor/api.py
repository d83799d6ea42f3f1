"""Monitor API: /api/v1/monitor-resultaten/ — the aggregates of a closed campaign that the user may
see, exactly as on the dashboard (suppressed groups carry no figures). Never raw responses."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from monitor import results, selectors
from zorgwijzer.schema import SingleObjectSchema


class FigureSerializer(serializers.Serializer[Any]):
    mean = serializers.FloatField(allow_null=True, help_text="Gemiddelde op de schaal 1–5; leeg als niet getoond.")
    risk_share = serializers.FloatField(
        allow_null=True,
        help_text="Deel in de risicozone (0–1); leeg als niet getoond of als het te precies zou zijn "
        "(minder dan 2 mensen in of buiten de risicozone): dan staat er een grens in risk_share_below "
        "of risk_share_above.",
    )
    risk_share_below = serializers.FloatField(
        allow_null=True, help_text="Het deel in de risicozone is kleiner dan dit getal (0–1)."
    )
    risk_share_above = serializers.FloatField(
        allow_null=True, help_text="Het deel in de risicozone is groter dan dit getal (0–1)."
    )
    declined = serializers.IntegerField(
        allow_null=True,
        help_text="Hoeveel deelnemers bij deze schaal 'Zeg ik liever niet' kozen (zij tellen niet mee in "
        "gemiddelde en risicozone); leeg onder de anonimiteitsdrempel.",
    )


class GroupSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=["org", "unit", "node"])
    id = serializers.IntegerField()
    name = serializers.CharField()
    respondents = serializers.IntegerField(allow_null=True, help_text="Leeg als de groep niet getoond wordt.")
    shown = serializers.BooleanField()
    scales = serializers.DictField(child=FigureSerializer())


class ResultsSerializer(serializers.Serializer[Any]):
    campaign = serializers.IntegerField(allow_null=True)
    name = serializers.CharField(allow_blank=True)
    groups = GroupSerializer(many=True)


class ResultViewSet(viewsets.ViewSet):
    """Aggregates of the most recent (or the chosen) closed campaign for the groups in the user's scope."""

    schema = SingleObjectSchema()  # one campaign's results, not a list

    @extend_schema(
        parameters=[OpenApiParameter("meting", int, description="Id van een gesloten meting.")],
        responses=ResultsSerializer,
    )
    def list(self, request: Request) -> Response:
        campaigns = selectors.closed_campaigns_for(request.user)
        chosen = request.query_params.get("meting", "")
        campaign = next((c for c in campaigns if str(c.pk) == chosen), campaigns[0] if campaigns else None)
        found = results.for_campaign(campaign) if campaign else None
        groups = []
        if found is not None:
            for key in selectors.visible_keys(request.user, found):
                group = found.groups[key]
                groups.append(
                    {
                        "kind": key[0],
                        "id": key[1],
                        "name": group.name,
                        "respondents": group.respondents if group.shown else None,
                        "shown": group.shown,
                        "scales": {
                            slug: {
                                "mean": figure.mean,
                                "risk_share": figure.risk_share,
                                "risk_share_below": figure.risk_below,
                                "risk_share_above": figure.risk_above,
                                "declined": figure.declined,
                            }
                            for slug, figure in group.figures.items()
                        },
                    }
                )
        data = {
            "campaign": campaign.pk if campaign else None,
            "name": campaign.name if campaign else "",
            "groups": groups,
        }
        return Response(ResultsSerializer(data).data)
