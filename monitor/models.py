"""Campaigns, anonymous invitations, responses and per-scale scores, and team action plans.

Privacy by construction (docs/monitor.md): an ``Invitation`` holds only the hash of a token and
the team it belongs to; a ``Response`` and its ``ScaleScore`` rows hold the campaign, the team and
the answers, and no reference to an invitation, a person, an account or a time. Responses reach
their table only in shuffled batches (``PendingResponse``, ``monitor/mixing.py``), so neither their
ids, their physical order nor their transaction ids follow the order of submission. A closed
campaign's published results are frozen in a ``ResultSnapshot``.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monitor.constants import CampaignKind, InvitationState, MeasureStatus
from organisation.models import OrgNode, Unit


class Campaign(models.Model):
    """One measurement (a wave) for a set of units and/or teams, open between two dates."""

    name = models.CharField(_("naam"), max_length=160)
    kind = models.CharField(_("soort meting"), max_length=20, choices=CampaignKind.choices)
    questionnaire = models.CharField(_("versie van de vragenlijst"), max_length=60)
    scales = models.JSONField(_("schalen"), default=list)
    units = models.ManyToManyField(Unit, verbose_name=_("eenheden"), blank=True, related_name="+")
    nodes = models.ManyToManyField(OrgNode, verbose_name=_("teams en afdelingen"), blank=True, related_name="+")
    opens_on = models.DateField(_("open vanaf"))
    closes_on = models.DateField(_("open tot en met"))
    previous = models.ForeignKey(
        "self",
        verbose_name=_("vorige meting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gemaakt door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    invitations_sent_at = models.DateTimeField(_("uitnodigingen verstuurd op"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("herinneringen verstuurd"), default=0)
    reminders_last_sent_at = models.DateTimeField(_("laatste herinnering verstuurd op"), null=True, blank=True)
    scheduled_reminder_rounds = models.PositiveSmallIntegerField(_("automatische herinneringsrondes gehad"), default=0)
    closed_early_on = models.DateField(_("eerder gesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=models.F("opens_on")), name="campaign_closes_after_open"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def last_day(self) -> dt.date:
        return min(self.closes_on, self.closed_early_on) if self.closed_early_on else self.closes_on

    @property
    def closed_before_opening(self) -> bool:
        """Closed early before its first day: no one could answer, and there is no period to show
        (the pages never show an end before the start)."""
        return self.last_day < self.opens_on

    def is_open(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.invitations_sent_at is not None and self.opens_on <= today <= self.last_day

    def is_closed(self, today: dt.date | None = None) -> bool:
        """Results exist only for closed campaigns: live figures could be compared over time."""
        return (today or timezone.localdate()) > self.last_day


class Invitation(models.Model):
    """A single-use anonymous link: the hash of its token and the team it was sent to.

    No person, address or time: the person↔token link lives only in memory while sending.
    No draft answers either: pausing keeps them in the respondent's browser only.
    """

    # Every index costs a write when an answer is submitted (the state change is not a HOT update):
    # the campaign is served by the rate index below, and the hash by its unique constraint alone
    # (``unique=True`` on a CharField would add a second, LIKE-only index on PostgreSQL).
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="invitations", db_index=False
    )
    team = models.ForeignKey(OrgNode, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(_("hash van de code"), max_length=64)
    state = models.CharField(_("status"), max_length=20, choices=InvitationState.choices, default=InvitationState.OPEN)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        indexes = [models.Index(fields=["campaign", "team", "state"], name="monitor_invitation_rate")]
        constraints = [models.UniqueConstraint(fields=["token_hash"], name="monitor_invitation_token_hash")]

    def __str__(self) -> str:
        return f"{self.campaign} / {self.team_id}"


class Response(models.Model):
    """The answers of one respondent: 1–5 per item code, or ``questionnaire.RATHER_NOT`` ("Zeg ik
    liever niet") on a sensitive scale. Deliberately no link to a person or time."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(OrgNode, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(_("antwoorden"))

    class Meta:
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")

    def __str__(self) -> str:
        return f"{self.campaign_id} / {self.team_id}"


class PendingResponse(models.Model):
    """A submitted response waiting to be mixed into ``Response`` with others of its team.

    A row here is written in the same statement that claims the invitation, so while it waits, its
    transaction id and position follow the order of submission. It waits only until its team has
    ``anonymity.threshold()`` waiting responses (then they move together, shuffled) or the campaign
    closes (then every response of that team is rewritten in one shuffled batch)."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(OrgNode, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(_("antwoorden"))
    scores = models.JSONField(_("schaalscores"))

    class Meta:
        verbose_name = _("wachtende ingevulde vragenlijst")
        verbose_name_plural = _("wachtende ingevulde vragenlijsten")
        indexes = [models.Index(fields=["campaign", "team"], name="monitor_pending_team")]

    def __str__(self) -> str:
        return f"{self.campaign_id} / {self.team_id}"


class ResultSnapshot(models.Model):
    """Everything a closed campaign publishes, fixed at the first read after it closed.

    The group tree (team → ancestors, with names), every suppression decision and every figure
    are computed once and stored; dashboard, exports, API and the comparison with a later wave
    read only this. A reorganisation, a rename, a person moving or a new threshold afterwards
    changes nothing that was published, so no two reads can be subtracted from each other."""

    campaign = models.OneToOneField(
        Campaign, verbose_name=_("meting"), on_delete=models.CASCADE, primary_key=True, related_name="snapshot"
    )
    frozen_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    threshold = models.PositiveSmallIntegerField(_("anonimiteitsdrempel"))
    data = models.JSONField(_("uitkomsten"))

    class Meta:
        verbose_name = _("vastgelegde uitkomst")
        verbose_name_plural = _("vastgelegde uitkomsten")

    def __str__(self) -> str:
        return f"{self.campaign_id}"


class ScaleScore(models.Model):
    """One respondent's score on one scale, kept so the dashboard aggregates one narrow table.

    No database-level foreign keys (``db_constraint=False``): a submission inserts ten of these
    rows, and twenty deferred key checks cost as much as the rows themselves. The campaign and
    team are copied from the claimed invitation in the same statement, whose own keys are checked;
    Django still cascades and protects on delete (docs/monitor.md, "Speed")."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    team = models.ForeignKey(
        OrgNode,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    scale = models.CharField(_("schaal"), max_length=40)
    # Empty when the respondent chose "Zeg ik liever niet" on the scale: the row still counts them
    # as a respondent of the group, and the results count it as "did not answer this scale".
    score = models.FloatField(_("score"), null=True, blank=True)
    in_risk = models.BooleanField(_("in de risicozone"))

    class Meta:
        verbose_name = _("schaalscore")
        verbose_name_plural = _("schaalscores")

    def __str__(self) -> str:
        return f"{self.scale}: {'–' if self.score is None else f'{self.score:.2f}'}"


class Measure(models.Model):
    """A measure of a team's Plan van Aanpak, aimed at one or more risk scales."""

    team = models.ForeignKey(OrgNode, verbose_name=_("team"), on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("naar aanleiding van meting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("maatregel"), max_length=200)
    description = models.TextField(_("toelichting"), blank=True)
    scales = models.JSONField(_("schalen"), default=list)
    provisions = models.JSONField(_("voorzieningen uit de Zorgwijzer"), default=list, blank=True)
    owner = models.CharField(_("eigenaar"), max_length=160)
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gemaakt door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")

    def __str__(self) -> str:
        return self.title


class ProgressNote(models.Model):
    """A note on the progress of a measure (about the measure, never about a person)."""

    measure = models.ForeignKey(Measure, verbose_name=_("maatregel"), on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("voortgang"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")

    def __str__(self) -> str:
        return self.text[:40]
