"""Dilemma cards (with append-only versions), live sessions with anonymous vote counters,
change reports (meldplicht) with receipts, session requests and the triage of signals."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integrity.constants import (
    Allocation,
    Audience,
    CardKind,
    CardState,
    GroupKind,
    KeepResults,
    ReportCategory,
    RequestStatus,
    SessionStatus,
    SessionType,
    SignalSource,
    Stage,
    Theme,
)


class Card(models.Model):
    """A statement or dilemma card; its text lives in versions, the newest is copied here."""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    number = models.PositiveSmallIntegerField(_("volgorde"))
    kind = models.CharField(_("soort"), max_length=20, choices=CardKind.choices)
    theme = models.CharField(_("thema"), max_length=30, choices=Theme.choices)
    title = models.CharField(_("titel"), max_length=160)
    text = models.TextField(_("tekst"))
    #: [{"key": "eens", "label": "Eens"}, ...]
    options = models.JSONField(_("antwoorden"))
    prompts = models.TextField(_("gespreksvragen"), help_text=_("Eén vraag per regel."))
    rules = models.TextField(_("regels die gelden"), help_text=_("Eén regel per regel."))
    version = models.PositiveIntegerField(_("versie"), default=1)

    class Meta:
        ordering = ["number"]
        verbose_name = _("dilemmakaart")
        verbose_name_plural = _("dilemmakaarten")

    def __str__(self) -> str:
        return self.title

    def prompt_lines(self) -> list[str]:
        return [line.strip() for line in self.prompts.splitlines() if line.strip()]

    def rule_lines(self) -> list[str]:
        return [line.strip() for line in self.rules.splitlines() if line.strip()]


class CardVersion(models.Model):
    """One saved version of a card (append-only: an edit adds a version, never changes one)."""

    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("versie"))
    title = models.CharField(_("titel"), max_length=160)
    text = models.TextField(_("tekst"))
    options = models.JSONField(_("antwoorden"))
    prompts = models.TextField(_("gespreksvragen"))
    rules = models.TextField(_("regels die gelden"))
    theme = models.CharField(_("thema"), max_length=30, choices=Theme.choices)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("opgeslagen op"), auto_now_add=True)

    class Meta:
        ordering = ["card", "-version"]
        constraints = [models.UniqueConstraint(fields=["card", "version"], name="integrity_card_version_once")]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class LiveSession(models.Model):
    """A dilemma session for a room. Participants join with ``code``; nobody's identity is stored."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    title = models.CharField(_("titel"), max_length=120)
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.DRAFT)
    keep_results = models.CharField(_("na afloop"), max_length=20, choices=KeepResults.choices, blank=True)
    #: How many phones may join: the facilitator counts the room. Empty: no limit (sessions made
    #: by code, e.g. the bench). Stops one person from taking many places by clearing cookies
    #: unnoticed (docs/integrity.md, "Vote stuffing").
    seats = models.PositiveSmallIntegerField(_("aantal plaatsen"), null=True, blank=True)
    #: How many browsers joined so far (a counter; who they are is not stored).
    joined = models.PositiveIntegerField(_("aantal deelnemers"), default=0)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class SessionCard(models.Model):
    """A card in a session, with the answer options as they were when the session was made."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="cards")
    card = models.ForeignKey(Card, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=20, choices=CardState.choices, default=CardState.WAITING)
    title = models.CharField(max_length=160)
    text = models.TextField()
    options = models.JSONField()

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="integrity_session_card_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class VoteCount(models.Model):
    """How many votes one answer of one card got: a counter, raised with F() — no voter, no time."""

    session_card = models.ForeignKey(SessionCard, on_delete=models.CASCADE, related_name="counts")
    option = models.CharField(max_length=40)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["session_card", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session_card", "option"], name="integrity_vote_count_once"),
        ]

    def __str__(self) -> str:
        return f"{self.option}: {self.count}"


class VoteMarker(models.Model):
    """ "Someone already voted on this card": a keyed hash of the card and a random browser token.

    It says nothing about the answer and cannot be linked to a person or to the same browser's
    marker on another card. Deleted when the session closes.
    """

    marker = models.CharField(max_length=64, primary_key=True)
    session_card = models.ForeignKey(SessionCard, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.marker[:8]


class JoinMarker(models.Model):
    """ "A browser joined this session": a keyed hash of the session and the browser's random
    token, like ``VoteMarker`` (and not linkable to it). Deleted when the session closes."""

    marker = models.CharField(max_length=64, primary_key=True)
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.marker[:8]


class SurveyRound(models.Model):
    """A period of the anonymous screening experience questionnaire. VIK opens it, gives its
    link to the people it screens, and closes it; results exist only after closing."""

    code = models.CharField(_("code"), max_length=16, unique=True)
    title = models.CharField(_("naam van de periode"), max_length=120)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    opened_on = models.DateField(_("geopend op"))
    closed_on = models.DateField(_("gesloten op"), null=True, blank=True)
    #: How many questionnaires were sent in (a counter, no rows per person).
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("periode van de screeningsvragenlijst")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class SurveyAnswerCount(models.Model):
    """How often one answer to one question was given in a period: a counter, no respondent, no time."""

    survey_round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="answer_counts")
    question = models.CharField(max_length=20)
    answer = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["survey_round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey_round", "question", "answer"], name="integrity_survey_answer_count_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}/{self.answer}: {self.count}"


class SurveyMarker(models.Model):
    """ "This browser already sent the questionnaire of this period": a keyed hash of the period
    and a random browser token (nothing about the person or the answers). Deleted on closing."""

    marker = models.CharField(max_length=64, primary_key=True)
    survey_round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.marker[:8]


class ChangeReport(models.Model):
    """A change in the personal situation, reported to the manager (meldplicht)."""

    person = models.ForeignKey(
        "organisation.Person", verbose_name=_("medewerker"), on_delete=models.CASCADE, related_name="+"
    )
    manager = models.ForeignKey(
        "organisation.Person", verbose_name=_("gemeld aan"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("soort verandering"), max_length=30, choices=ReportCategory.choices)
    explanation = models.TextField(_("toelichting"), blank=True)
    reported_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    verification_code = models.CharField(_("controlecode"), max_length=20, unique=True)

    class Meta:
        ordering = ["-reported_at"]

    def __str__(self) -> str:
        return self.verification_code


class ReportFollowUp(models.Model):
    """What the manager did with a report (append-only)."""

    report = models.ForeignKey(ChangeReport, on_delete=models.CASCADE, related_name="follow_ups")
    text = models.TextField(_("opvolging"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.recorded_at:%d-%m-%Y}"


class SessionRequest(models.Model):
    """A team, department or shift asks VIK prevention for an integrity session."""

    requester = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT)
    group_name = models.CharField(_("naam van de groep"), max_length=120)
    group_kind = models.CharField(_("soort groep"), max_length=20, choices=GroupKind.choices)
    audience = models.CharField(_("voor wie"), max_length=20, choices=Audience.choices)
    priority = models.PositiveSmallIntegerField()
    session_type = models.CharField(_("soort sessie"), max_length=20, choices=SessionType.choices)
    learning_questions = models.TextField(_("leervragen"))
    conditions_accepted = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    planned_for = models.DateField(_("gepland op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["priority", "created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(conditions_accepted=True), name="integrity_request_conditions"),
        ]

    def __str__(self) -> str:
        return self.group_name


class IntegritySignal(models.Model):
    """A signal that VIK integrity triages (intake → triage → preparation → execution)."""

    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("eenheid"), on_delete=models.PROTECT)
    source = models.CharField(_("bron"), max_length=20, choices=SignalSource.choices)
    summary = models.TextField(_("samenvatting"))
    stage = models.CharField(_("fase"), max_length=20, choices=Stage.choices, default=Stage.INTAKE)
    allocation = models.CharField(_("toewijzing"), max_length=20, choices=Allocation.choices, blank=True)
    #: The Rijksrecherche checklist (seed 003, L2342–2357), each True when it applies.
    rr_firearm = models.BooleanField(default=False)
    rr_confrontation = models.BooleanField(default=False)
    rr_arrestee = models.BooleanField(default=False)
    rr_corruption = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference

    @property
    def rijksrecherche_applies(self) -> bool:
        return self.rr_firearm or self.rr_confrontation or self.rr_arrestee or self.rr_corruption


class TriageDecision(models.Model):
    """One decision on a signal, with its written rationale (append-only history)."""

    signal = models.ForeignKey(IntegritySignal, on_delete=models.CASCADE, related_name="decisions")
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    allocation = models.CharField(max_length=20, choices=Allocation.choices, blank=True)
    participants = models.TextField(_("deelnemers"), blank=True)
    rationale = models.TextField(_("onderbouwing"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(rationale=""), name="integrity_decision_has_rationale"),
        ]

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"
