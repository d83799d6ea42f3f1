"""The combined team signals: per team and quarter, which objective signals are present and why.

Every source is read in one grouped query for all teams at once (the view covers thousands of
teams), and each signal has its own threshold in settings (``TEAMCARE_*``). A team is brought to
attention only when at least ``TEAMCARE_MIN_SIGNALS`` signals coincide: one signal on its own says
little (seed 004: "het gaat om een combinatie van signalen"). The reasons are facts in neutral
words; no label is ever put on a team.

Anonymity: HR history and absence are team facts HR already holds. The monitor signal reads only
groups the frozen monitor results *show*, and only the ``in_risk`` flag monitor itself publishes
(a shown mean). Barista and aftercare are told only as "at least the threshold", never as a count,
so no difference between two teams, two periods or a team and its parent gives a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.conf import settings
from django.db.models import Count, ExpressionWrapper, F, Q, QuerySet
from django.db.models import DateTimeField as DateTimeFieldExpr
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from aftercare.models import Plan
from barista.models import Signal as BaristaSignal
from barista.models import SignalTally
from monitor import questionnaire
from monitor import results as monitor_results
from monitor.models import Campaign
from organisation.models import OrgNode
from teamcare.constants import SignalKind
from teamcare.models import AbsenceFigure, ManagerPeriod, Membership
from teamcare.periods import Period, years_before


def _show(value: Any) -> str:
    """A value in a reason, formatted in the reader's language (one decimal for a fraction)."""
    if isinstance(value, float | Decimal):
        return number_format(round(value, 1), 1)  # type: ignore[arg-type]
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return str(value)


class Message(NamedTuple):
    """A reason's words, translated and formatted only when shown: the view computes thousands of
    teams and shows the few brought to attention, in the reader's language. (Named tuples: the
    view makes thousands, and tuples are made fastest.)"""

    msgid: str
    values: dict[str, Any]

    def __str__(self) -> str:
        return gettext(self.msgid) % {key: _show(value) for key, value in self.values.items()}


class _Template:
    def __init__(self, msgid: str) -> None:
        self.msgid = msgid

    def __mod__(self, values: dict[str, Any]) -> Message:
        return Message(self.msgid, values)


#: Marks a reason's text for translation (makemessages reads ``_``) without translating it yet.
_ = _Template


class Reason(NamedTuple):
    kind: str
    message: Message

    @property
    def text(self) -> str:
        return str(self.message)

    @property
    def label(self) -> str:
        return str(SignalKind(self.kind).label)


@dataclass
class TeamSignals:
    team_id: int
    reasons: list[Reason] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.reasons)

    @property
    def needs_attention(self) -> bool:
        return self.count >= settings.TEAMCARE_MIN_SIGNALS


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def compute(
    teams: QuerySet[OrgNode], period: Period, *, now: dt.datetime | None = None, minimum: int = 1
) -> dict[int, TeamSignals]:
    """The signals of every team in ``teams`` for ``period`` (windows end on the quarter's last day);
    only teams with at least ``minimum`` signals are returned."""
    now = now or timezone.now()
    raw: dict[int, list[Reason]] = {}

    def add(team_id: int, kind: str, text: Message) -> None:
        reasons = raw.get(team_id)
        if reasons is None:
            reasons = raw[team_id] = []
        reasons.append(Reason(kind, text))

    team_ids = teams.values("pk")
    for team_id, text in _leaders(team_ids, period):
        add(team_id, SignalKind.LEIDING, text)
    for team_id, kind, text in _members(team_ids, period):
        add(team_id, kind, text)
    sources: list[tuple[str, Iterable[tuple[int, Message]]]] = [
        (SignalKind.VERZUIM, _absence(team_ids, period)),
        (SignalKind.MONITOR, _monitor(teams, period)),
        (SignalKind.BARISTA, _barista(team_ids, period, now)),
        (SignalKind.NAZORG, _aftercare(team_ids, period)),
    ]
    for kind, rows in sources:
        for team_id, text in rows:
            add(team_id, kind, text)
    rank = {kind: index for index, kind in enumerate(SignalKind.values)}
    found: dict[int, TeamSignals] = {}
    for team_id, reasons in raw.items():
        if len(reasons) >= minimum:
            reasons.sort(key=lambda reason: rank[reason.kind])
            found[team_id] = TeamSignals(team_id, reasons)
    return found


def _leaders(team_ids: Any, period: Period) -> Iterable[tuple[int, Message]]:
    years = settings.TEAMCARE_LEADERS_YEARS
    minimum = settings.TEAMCARE_LEADERS_MIN
    end = period.end
    since = years_before(end, years)
    rows = (
        ManagerPeriod.objects.filter(team_id__in=team_ids, started_on__lte=end, manager__isnull=False)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=since))
        .values("team_id")
        .annotate(leaders=Count("manager_id", distinct=True))
        .filter(leaders__gte=minimum)
        .values_list("team_id", "leaders")
        .order_by()
    )
    for team_id, leaders in rows:
        text = _(
            "%(count)s verschillende leidinggevenden in de %(years)s jaar tot en met %(end)s (vanaf %(min)s telt "
            "als signaal)."
        )
        yield (
            team_id,
            text % {"count": leaders, "years": years, "end": end, "min": minimum},
        )


def _members(team_ids: Any, period: Period) -> Iterable[tuple[int, str, Message]]:
    """Outflow in the 12 months and mobility in ``TEAMCARE_MOBILITY_YEARS`` up to the quarter's end."""
    end = period.end
    year_ago = years_before(end, 1)
    mobility_start = years_before(end, settings.TEAMCARE_MOBILITY_YEARS)

    def present_on(day: dt.date) -> Q:
        return Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))

    rows = (
        Membership.objects.filter(team_id__in=team_ids)
        .values("team_id")
        .annotate(
            base_year=Count("pk", filter=present_on(year_ago)),
            left_year=Count("pk", filter=Q(ended_on__gt=year_ago, ended_on__lte=end)),
            base_mobility=Count("pk", filter=present_on(mobility_start)),
            came=Count("pk", filter=Q(started_on__gt=mobility_start, started_on__lte=end, initial=False)),
            went=Count("pk", filter=Q(ended_on__gt=mobility_start, ended_on__lte=end)),
        )
        .values_list("team_id", "base_year", "left_year", "base_mobility", "came", "went")
        .order_by()
    )
    outflow_limit = settings.TEAMCARE_OUTFLOW_PERCENT
    mobility_limit = settings.TEAMCARE_MOBILITY_PERCENT
    mobility_years = settings.TEAMCARE_MOBILITY_YEARS
    for team_id, base_year, left_year, base_mobility, came, went in rows:
        if base_year:
            share = 100 * left_year / base_year
            if share >= outflow_limit:
                text = _(
                    "%(percent)s%% van de teamleden ging in de 12 maanden tot en met %(end)s naar een ander team "
                    "of uit dienst (vanaf %(limit)s%% telt als signaal)."
                )
                yield (
                    team_id,
                    SignalKind.UITSTROOM,
                    text % {"percent": share, "end": end, "limit": outflow_limit},
                )
        if base_mobility:
            share = 100 * (came + went) / (2 * base_mobility)
            if share < mobility_limit:
                text = _(
                    "In de %(years)s jaar tot en met %(end)s kwamen en gingen weinig teamleden: %(percent)s%% (minder "
                    "dan %(limit)s%% telt als signaal)."
                )
                yield (
                    team_id,
                    SignalKind.MOBILITEIT,
                    text
                    % {
                        "years": mobility_years,
                        "end": end,
                        "percent": share,
                        "limit": mobility_limit,
                    },
                )


def _absence(team_ids: Any, period: Period) -> Iterable[tuple[int, Message]]:
    percent_limit = settings.TEAMCARE_ABSENCE_PERCENT
    code = period.code
    frequency_limit = settings.TEAMCARE_ABSENCE_FREQUENCY
    rows = (
        AbsenceFigure.objects.filter(team_id__in=team_ids, period=code)
        .filter(Q(percentage__gte=percent_limit) | Q(frequency__gte=frequency_limit))
        .values_list("team_id", "percentage", "frequency")
    )
    for team_id, percentage, frequency in rows:
        text = _(
            "Verzuim in %(period)s: %(percent)s%%, meldingsfrequentie %(frequency)s (vanaf %(limit)s%% of een "
            "frequentie van %(frequency_limit)s telt als signaal)."
        )
        yield (
            team_id,
            text
            % {
                "period": code,
                "percent": percentage,
                "frequency": frequency,
                "limit": float(percent_limit),
                "frequency_limit": float(frequency_limit),
            },
        )


def _monitor(teams: QuerySet[OrgNode], period: Period) -> Iterable[tuple[int, Message]]:
    """The newest frozen campaign with a group for the team decides; only a shown group counts.

    Read-only: only campaigns whose results monitor already froze are read, so reading here never
    freezes (writes) anything."""
    since = years_before(period.end, settings.TEAMCARE_MONITOR_YEARS)
    campaigns = list(
        Campaign.objects.filter(snapshot__isnull=False, closes_on__lte=period.end, closes_on__gt=since).order_by(
            "-closes_on", "-pk"
        )
    )
    wanted = set(settings.TEAMCARE_MONITOR_SCALES)
    if not campaigns:
        return
    pending = set(teams.values_list("pk", flat=True))
    for campaign in campaigns:
        if not pending:
            break
        found = monitor_results.for_campaign(campaign)
        if found is None:
            continue
        names = _scale_names(campaign)
        for team_id in list(pending):
            group = found.groups.get(("node", team_id))
            if group is None:
                continue
            pending.discard(team_id)
            if not group.shown:
                continue
            risky = [names.get(slug, slug) for slug in found.scales if slug in wanted and group.figures[slug].in_risk]
            if risky:
                text = _("In de meting '%(campaign)s' ligt het teamgemiddelde in de risicozone voor: %(scales)s.")
                yield team_id, text % {"campaign": campaign.name, "scales": ", ".join(risky)}


def _scale_names(campaign: Campaign) -> dict[str, str]:
    try:
        loaded = questionnaire.load(campaign.questionnaire)
    except (KeyError, FileNotFoundError, ValueError):
        return {}
    return dict(loaded.scale_choices)


def _barista(team_ids: Any, period: Period, now: dt.datetime) -> Iterable[tuple[int, Message]]:
    days = settings.TEAMCARE_BARISTA_DAYS
    limit = settings.TEAMCARE_BARISTA_MIN
    window_end = min(now, _end_of(period.end))
    latest_start = window_end - dt.timedelta(days=days)
    since = _end_of(years_before(period.end, 1))
    late = ExpressionWrapper(F("created_at") + dt.timedelta(days=days), output_field=DateTimeFieldExpr())
    counts: dict[int, int] = {}
    for model in (BaristaSignal, SignalTally):
        rows = (
            model.objects.filter(team_id__in=team_ids, created_at__gte=since, created_at__lte=latest_start)  # type: ignore[attr-defined]
            .annotate(late=late)
            .filter(Q(outcome_at__isnull=True) | Q(outcome_at__gt=F("late")))
            .values("team_id")
            .annotate(n=Count("pk"))
            .values_list("team_id", "n")
            .order_by()
        )
        for team_id, n in rows:
            counts[team_id] = counts.get(team_id, 0) + n
    for team_id, n in counts.items():
        if n >= limit:
            text = _(
                "Minstens %(min)s Barista-uitnodigingen kregen in de 12 maanden tot en met %(end)s niet binnen "
                "%(days)s dagen een vervolg."
            )
            yield team_id, text % {"min": limit, "end": period.end, "days": days}


def _aftercare(team_ids: Any, period: Period) -> Iterable[tuple[int, Message]]:
    limit = settings.TEAMCARE_AFTERCARE_MIN
    since = _end_of(years_before(period.end, 1))
    rows = (
        Plan.objects.filter(
            person__team_id__in=team_ids, event__occurred_at__gte=since, event__occurred_at__lt=_end_of(period.end)
        )
        .values("person__team_id")
        .annotate(events=Count("event_id", distinct=True))
        .filter(events__gte=limit)
        .values_list("person__team_id", flat=True)
        .order_by()
    )
    for team_id in rows:
        text = _("Minstens %(min)s ingrijpende gebeurtenissen met teamleden in de 12 maanden tot en met %(end)s.")
        yield team_id, text % {"min": limit, "end": period.end}
