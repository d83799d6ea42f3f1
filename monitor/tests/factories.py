"""Test data for the monitor: campaigns with invitations and answers, built through the services."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.mail import EmailMessage
from django.utils import timezone

from monitor import campaigns, questionnaire, submission, tokens
from monitor.constants import CampaignKind
from monitor.models import Campaign, Invitation, PendingResponse, Response, ScaleScore
from organisation.models import OrgNode, Person
from organisation.tests.factories import PersonFactory


def all_answers(value: int = 3, version: str = questionnaire.CURRENT_VERSION) -> dict[str, int]:
    return {item.code: value for scale in questionnaire.load(version).scales for item in scale.items}


def campaign(
    *, nodes: list[OrgNode], actor: Any = None, days_open: int = 14, previous: Campaign | None = None, **extra: Any
) -> Campaign:
    today = timezone.localdate()
    return campaigns.campaign_create(
        actor=actor,
        name=extra.pop("name", "Meting najaar"),
        kind=extra.pop("kind", CampaignKind.BASELINE),
        scales=extra.pop("scales", [slug for slug, _label in questionnaire.load().scale_choices]),
        units=extra.pop("units", []),
        nodes=nodes,
        opens_on=today,
        closes_on=today + dt.timedelta(days=days_open),
        previous=previous,
    )


def staff(team: OrgNode, count: int) -> list[Person]:
    people: list[Person] = [
        PersonFactory.create(team=team, email=f"m{team.pk}-{n}@politie.example") for n in range(count)
    ]
    return people


def token_of(campaign: Campaign, person: Person) -> str:
    return tokens.token_for(campaign.pk, person.pk)


LINK = re.compile(r"/monitor/vragenlijst/([A-Za-z0-9_-]{43})/")


def token_in(message: EmailMessage) -> str:
    """The token of the questionnaire link in an invitation or reminder mail."""
    found = LINK.search(str(message.body))
    assert found is not None, "the mail carries no questionnaire link"
    return found.group(1)


def bare_invitation(campaign: Campaign, team: OrgNode, token: str) -> Invitation:
    """An invitation for a known token, without sending mail (for URL tests)."""
    campaign.invitations_sent_at = campaign.invitations_sent_at or timezone.now()
    campaign.save(update_fields=["invitations_sent_at"])
    invitation, _created = Invitation.objects.get_or_create(
        token_hash=tokens.token_hash(token), defaults={"campaign": campaign, "team": team}
    )
    return invitation


def answered_campaign(team_sizes: dict[OrgNode, int], value_of: Any = None, **extra: Any) -> Campaign:
    """A campaign closed yesterday with ``n`` responses per team (answers by ``value_of(team, i)``)."""
    found = campaign(nodes=list(team_sizes), **extra)
    for team, size in team_sizes.items():
        for index in range(size):
            token = f"{found.pk:04d}{team.pk:05d}{index:04d}".ljust(tokens.TOKEN_LENGTH, "x")
            bare_invitation(found, team, token)
            value = value_of(team, index) if value_of else 3
            assert submission.response_submit(token=token, answers=all_answers(value))
    Campaign.objects.filter(pk=found.pk).update(
        opens_on=found.opens_on - dt.timedelta(days=30),
        closes_on=timezone.localdate() - dt.timedelta(days=1),
    )
    found.refresh_from_db()
    return found


def stored_answers(campaign: Campaign | None = None) -> list[dict[str, int]]:
    """Every stored response's answers, mixed in or still waiting to be mixed."""
    mixed = Response.objects.all() if campaign is None else Response.objects.filter(campaign=campaign)
    waiting = PendingResponse.objects.all() if campaign is None else PendingResponse.objects.filter(campaign=campaign)
    return [row.answers for row in mixed] + [row.answers for row in waiting]


def stored_scores(campaign: Campaign | None = None) -> list[tuple[str, float | None]]:
    """Every stored (scale, score), mixed in or still waiting to be mixed (``None``: "Zeg ik
    liever niet" on that scale)."""
    mixed = ScaleScore.objects.all() if campaign is None else ScaleScore.objects.filter(campaign=campaign)
    waiting = PendingResponse.objects.all() if campaign is None else PendingResponse.objects.filter(campaign=campaign)
    scores = [(scale, score) for scale, score in mixed.values_list("scale", "score")]
    return scores + [
        (str(scale), None if score is None else float(score)) for row in waiting for scale, score, _risk in row.scores
    ]
