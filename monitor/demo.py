"""Demo data of the weerbaarheidsmonitor: two closed waves with results, a Plan van Aanpak, and an
open wave whose invitation waits for the demo employee.

``manage.py demo`` measures the basisteam of the demo leidinggevende (all its teams, so that
groups reach the anonymity threshold): a baseline half a year ago and an interim measurement two
months ago, answered by about four in five invitees with fictional answers, and frozen as results.
The leidinggevende's team gets a Plan van Aanpak of two measures after the second wave. A third
wave is open now; its invitations are sent (to the console in the demo), so the demo employee sees
"Er wacht een vragenlijst op je" on the home page — no server log needed. Answers go through the
same anonymous path as a real response (``submission.response_submit``). Idempotent: once a demo
wave exists, nothing happens.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monitor import campaigns, jobs, plans, questionnaire, results, selectors, submission, tokens
from monitor.constants import CampaignKind, MeasureStatus
from monitor.models import Campaign, Invitation
from organisation.models import OrgNode, Person

DEMO_SUFFIX = "(demo)"
SEED = 2026  # fictional answers, the same on every fresh demo


def load(base_url: str = "http://127.0.0.1:8000/") -> str:
    if Campaign.objects.filter(name__endswith=DEMO_SUFFIX).exists():
        return ""
    manager = Person.objects.filter(user__username="demo-leidinggevende").select_related("team__parent").first()
    if manager is None or manager.team is None or manager.team.parent is None:
        return ""
    basisteam = manager.team.parent
    today = timezone.localdate()
    rng = random.Random(SEED)  # noqa: S311 - fictional answers, deliberately reproducible
    scales = [slug for slug, _label in questionnaire.load().scale_choices]
    with transaction.atomic():
        first = _closed_wave(_("Nulmeting voorjaar"), basisteam, today - dt.timedelta(days=190), scales, None, rng, 0.0)
        second = _closed_wave(
            _("Tussenmeting najaar"), basisteam, today - dt.timedelta(days=60), scales, first, rng, 0.3
        )
        _plan(manager, second)
        current = campaigns.campaign_create(
            actor=None,
            name=f"{_('Meting deze maand')} {DEMO_SUFFIX}",
            kind=CampaignKind.INTERIM,
            scales=scales,
            units=[],
            nodes=[basisteam],
            opens_on=today - dt.timedelta(days=2),
            closes_on=today + dt.timedelta(days=12),
            previous=second,
        )
    jobs.campaign_send_invitations(campaign=current, actor=None, base_url=base_url)
    return _(
        "Weerbaarheidsmonitor: twee afgesloten metingen met uitkomsten en een open meting; "
        "log in als demo-medewerker en zie de vragenlijst op de startpagina."
    )


def _closed_wave(
    name: str,
    node: OrgNode,
    opens_on: dt.date,
    scales: list[str],
    previous: Campaign | None,
    rng: random.Random,
    better: float,
) -> Campaign:
    """A wave that ran from ``opens_on`` for two weeks, answered by about 80 % of its invitees."""
    wave = campaigns.campaign_create(
        actor=None,
        name=f"{name} {DEMO_SUFFIX}",
        kind=CampaignKind.BASELINE if previous is None else CampaignKind.INTERIM,
        scales=scales,
        units=[],
        nodes=[node],
        opens_on=opens_on,
        closes_on=opens_on + dt.timedelta(days=14),
        previous=previous,
    )
    people = list(selectors.invitees(wave))
    invitations = []
    for person in people:
        assert person.team_id is not None
        token = tokens.token_for(wave.pk, person.pk)
        invitations.append(Invitation(campaign=wave, team_id=person.team_id, token_hash=tokens.token_hash(token)))
    rng.shuffle(invitations)
    Invitation.objects.bulk_create(invitations)
    Campaign.objects.filter(pk=wave.pk).update(
        invitations_sent_at=timezone.make_aware(dt.datetime.combine(opens_on, dt.time(9, 0)))
    )
    selected = questionnaire.load().selected(scales)
    for person in people:
        if rng.random() > 0.8:
            continue
        lean = rng.choice((0.4, 0.55, 0.55, 0.7, 0.7)) + better / 5  # where this person sits on each scale
        answers = {
            item.code: _answer(len(scale.answer_labels), lean + rng.uniform(-0.2, 0.2), scale.higher_is_better)
            for scale in selected
            for item in scale.items
        }
        submission.response_submit(token=tokens.token_for(wave.pk, person.pk), answers=answers, today=opens_on)
    wave.refresh_from_db()
    results.freeze(wave)
    return wave


def _answer(options: int, share: float, higher_is_better: bool) -> int:
    """An answer on a 1..options scale at ``share`` of the way to the good end."""
    share = max(0.0, min(1.0, share))
    value = 1 + round(share * (options - 1))
    return value if higher_is_better else options + 1 - value


def _plan(manager: Person, wave: Campaign) -> None:
    assert manager.team is not None
    plans.measure_create(
        actor=manager.user,
        team=manager.team,
        campaign=wave,
        title=_("Elke maand een teamoverleg over werkdruk en roosters"),
        description=_("Na de tussenmeting: samen kijken waar het rooster beter kan."),
        scales=wave.scales[:1],
        owner=manager.full_name,
        due_on=timezone.localdate() + dt.timedelta(days=60),
        status=MeasureStatus.IN_PROGRESS,
    )
    plans.measure_create(
        actor=manager.user,
        team=manager.team,
        campaign=wave,
        title=_("Collegiale ondersteuning voorstellen in het team"),
        description=_("Een collegiaal ondersteuner vertelt in het teamoverleg wat het TCO doet."),
        scales=wave.scales[1:2],
        owner=manager.full_name,
        due_on=timezone.localdate() + dt.timedelta(days=30),
        status=MeasureStatus.PLANNED,
    )
