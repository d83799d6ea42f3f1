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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import CharField, Count, ExpressionWrapper, F, IntegerField, Q, QuerySet, Value
from django.db.models import DateTimeField as DateTimeFieldExpr
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from aftercare.models import Plan
from barista.models import Signal as BaristaSignal
from barista.models import SignalTally
from core import anonymity
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


def barista_min() -> int:
    """The Barista threshold in use: ``TEAMCARE_BARISTA_MIN``, but never below the platform's anonymity
    threshold (a smaller number would tell how many invitations of a small group went unanswered)."""
    return max(int(settings.TEAMCARE_BARISTA_MIN), anonymity.threshold())


def aftercare_min() -> int:
    """The aftercare threshold in use: ``TEAMCARE_AFTERCARE_MIN``, never below the anonymity threshold."""
    return max(int(settings.TEAMCARE_AFTERCARE_MIN), anonymity.threshold())


def _end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


def compute(
    teams: QuerySet[OrgNode], period: Period, *, now: dt.datetime | None = None, minimum: int = 1
) -> dict[int, TeamSignals]:
    """The signals of every team in ``teams`` for ``period`` (windows end on the quarter's last day);
    only teams with at least ``minimum`` signals are returned.

    Each source returns only the teams on which its signal is present (the database applies the
    thresholds), as ``team id → the figures a reason needs``; the counting sources come back in
    one statement (``_counted``). The signals are counted per team first; the reasons' words are
    made only for the teams that are returned, in the order of ``SignalKind``."""
    now = now or timezone.now()
    team_ids = teams.values("pk")
    counted = _counted(team_ids, period, now)
    hits: dict[str, dict[int, Any]] = {
        SignalKind.LEIDING: counted[SignalKind.LEIDING],
        SignalKind.UITSTROOM: counted[SignalKind.UITSTROOM],
        SignalKind.MOBILITEIT: counted[SignalKind.MOBILITEIT],
        SignalKind.VERZUIM: _absence(team_ids, period),
        SignalKind.MONITOR: _monitor(teams, period),
        SignalKind.BARISTA: counted[SignalKind.BARISTA],
        SignalKind.NAZORG: counted[SignalKind.NAZORG],
    }
    counts: Counter[int] = Counter()
    for found_here in hits.values():
        counts.update(found_here.keys())
    describe = _describers(period)
    found: dict[int, TeamSignals] = {}
    for team_id, count in counts.items():
        if count < minimum:
            continue
        found[team_id] = TeamSignals(
            team_id,
            [
                Reason(kind, describe[kind](found_here[team_id]))
                for kind, found_here in hits.items()
                if team_id in found_here
            ],
        )
    return found


_COUNTS = ("n0", "n1", "n2", "n3", "n4")


def _tagged(grouped: QuerySet[Any], tag: str, team: str = "team_id") -> QuerySet[Any]:
    """A grouped query (counts annotated as ``n0``…) as rows ``(tag, team id, n0 … n4)``, so the
    counting sources can travel in one ``UNION ALL`` statement (one round trip instead of five)."""
    padding = {name: Value(0, output_field=IntegerField()) for name in _COUNTS if name not in grouped.query.annotations}
    return (
        grouped.annotate(tag=Value(tag, output_field=CharField()), **padding)
        .values_list("tag", team, *_COUNTS)
        .order_by()
    )


def _union_rows(first: QuerySet[Any], rest: list[QuerySet[Any]]) -> list[tuple[Any, ...]]:
    """The rows of ``first UNION ALL rest``, read without the ORM's per-row converters: every
    column is an integer (or the tag) as the database returns it, and there are thousands of rows."""
    try:
        sql, params = first.union(*rest, all=True).query.sql_with_params()
    except EmptyResultSet:  # no team in scope: every part of the union is empty
        return []
    with connections[first.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _counted(team_ids: Any, period: Period, now: dt.datetime) -> dict[str, dict[int, Any]]:
    """Leaders, outflow, mobility, Barista and aftercare in one statement: per signal, team → figures."""
    queries = [
        _tagged(_leaders(team_ids, period), "l"),
        _tagged(_members(team_ids, period), "m"),
        *(_tagged(query, "b") for query in _barista(team_ids, period, now)),
        _tagged(_aftercare(team_ids, period), "a", team="person__team_id"),
    ]
    first, *rest = queries
    outflow_limit = settings.TEAMCARE_OUTFLOW_PERCENT
    mobility_limit = settings.TEAMCARE_MOBILITY_PERCENT
    found: dict[str, dict[int, Any]] = {
        SignalKind.LEIDING: {},
        SignalKind.UITSTROOM: {},
        SignalKind.MOBILITEIT: {},
        SignalKind.BARISTA: {},
        SignalKind.NAZORG: {},
    }
    late: Counter[int] = Counter()
    rows = _union_rows(first, rest)
    for tag, team_id, n0, n1, n2, n3, n4 in rows:
        if tag == "m":
            base_year, left_year, base_mobility, came, went = n0, n1, n2, n3, n4
            if base_year:
                share = 100 * left_year / base_year
                if share >= outflow_limit:
                    found[SignalKind.UITSTROOM][team_id] = share
            if base_mobility:
                share = 100 * (came + went) / (2 * base_mobility)
                if share < mobility_limit:
                    found[SignalKind.MOBILITEIT][team_id] = share
        elif tag == "l":
            found[SignalKind.LEIDING][team_id] = n0
        elif tag == "b":
            late[team_id] += n0
        else:
            found[SignalKind.NAZORG][team_id] = aftercare_min()
    limit = barista_min()
    found[SignalKind.BARISTA] = {team_id: limit for team_id, n in late.items() if n >= limit}
    return found


def _describers(period: Period) -> dict[str, Callable[[Any], Message]]:
    """Per signal: the reason's words from the figures its source returned."""
    end = period.end
    leaders_years, leaders_min = settings.TEAMCARE_LEADERS_YEARS, settings.TEAMCARE_LEADERS_MIN
    outflow_limit = settings.TEAMCARE_OUTFLOW_PERCENT
    mobility_years, mobility_limit = settings.TEAMCARE_MOBILITY_YEARS, settings.TEAMCARE_MOBILITY_PERCENT
    percent_limit = float(settings.TEAMCARE_ABSENCE_PERCENT)
    frequency_limit = float(settings.TEAMCARE_ABSENCE_FREQUENCY)
    days = settings.TEAMCARE_BARISTA_DAYS

    def leaders(count: int) -> Message:
        text = _(
            "%(count)s verschillende leidinggevenden in de %(years)s jaar tot en met %(end)s (vanaf %(min)s telt "
            "als signaal)."
        )
        return text % {"count": count, "years": leaders_years, "end": end, "min": leaders_min}

    def outflow(share: float) -> Message:
        text = _(
            "%(percent)s%% van de teamleden ging in de 12 maanden tot en met %(end)s naar een ander team "
            "of uit dienst (vanaf %(limit)s%% telt als signaal)."
        )
        return text % {"percent": share, "end": end, "limit": outflow_limit}

    def mobility(share: float) -> Message:
        text = _(
            "In de %(years)s jaar tot en met %(end)s kwamen en gingen weinig teamleden: %(percent)s%% (minder "
            "dan %(limit)s%% telt als signaal)."
        )
        return text % {"years": mobility_years, "end": end, "percent": share, "limit": mobility_limit}

    def absence(figures: tuple[Decimal, Decimal]) -> Message:
        text = _(
            "Verzuim in %(period)s: %(percent)s%%, meldingsfrequentie %(frequency)s (vanaf %(limit)s%% of een "
            "frequentie van %(frequency_limit)s telt als signaal)."
        )
        percentage, frequency = figures
        return text % {
            "period": period.code,
            "percent": percentage,
            "frequency": frequency,
            "limit": percent_limit,
            "frequency_limit": frequency_limit,
        }

    def monitor(message: Message) -> Message:
        return message

    def barista(limit: int) -> Message:
        text = _(
            "Minstens %(min)s Barista-uitnodigingen kregen in de 12 maanden tot en met %(end)s niet binnen "
            "%(days)s dagen een vervolg."
        )
        return text % {"min": limit, "end": end, "days": days}

    def aftercare(limit: int) -> Message:
        text = _("Minstens %(min)s ingrijpende gebeurtenissen met teamleden in de 12 maanden tot en met %(end)s.")
        return text % {"min": limit, "end": end}

    return {
        SignalKind.LEIDING: leaders,
        SignalKind.UITSTROOM: outflow,
        SignalKind.MOBILITEIT: mobility,
        SignalKind.VERZUIM: absence,
        SignalKind.MONITOR: monitor,
        SignalKind.BARISTA: barista,
        SignalKind.NAZORG: aftercare,
    }


def _leaders(team_ids: Any, period: Period) -> QuerySet[Any]:
    """Per team: ``n0`` = the different leaders in ``TEAMCARE_LEADERS_YEARS``, when at least the minimum."""
    end = period.end
    since = years_before(end, settings.TEAMCARE_LEADERS_YEARS)
    return (
        ManagerPeriod.objects.filter(team_id__in=team_ids, started_on__lte=end, manager__isnull=False)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=since))
        .values("team_id")
        .annotate(n0=Count("manager_id", distinct=True))
        .filter(n0__gte=settings.TEAMCARE_LEADERS_MIN)
    )


def _members(team_ids: Any, period: Period) -> QuerySet[Any]:
    """Per team: members at the start of the 12 months (``n0``) and who left in them (``n1``);
    members at the start of ``TEAMCARE_MOBILITY_YEARS`` (``n2``), who came (``n3``) and went
    (``n4``) since. The database compares (HAVING), so only teams with outflow at or over the
    limit or mobility under it come back; ``_counted`` computes the shares."""
    end = period.end
    year_ago = years_before(end, 1)
    mobility_start = years_before(end, settings.TEAMCARE_MOBILITY_YEARS)
    outflow_limit = settings.TEAMCARE_OUTFLOW_PERCENT
    mobility_limit = settings.TEAMCARE_MOBILITY_PERCENT

    def present_on(day: dt.date) -> Q:
        return Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))

    return (
        Membership.objects.filter(team_id__in=team_ids)
        .values("team_id")
        .annotate(
            n0=Count("pk", filter=present_on(year_ago)),
            n1=Count("pk", filter=Q(ended_on__gt=year_ago, ended_on__lte=end)),
            n2=Count("pk", filter=present_on(mobility_start)),
            n3=Count("pk", filter=Q(started_on__gt=mobility_start, started_on__lte=end, initial=False)),
            n4=Count("pk", filter=Q(ended_on__gt=mobility_start, ended_on__lte=end)),
        )
        .filter(
            # 100 × left / base ≥ limit, and 100 × (came + went) / (2 × base) < limit, without division.
            Q(n0__gt=0, n1__gte=F("n0") * outflow_limit / Value(100.0))
            | Q(n2__gt=0, n3__lt=F("n2") * 2 * mobility_limit / Value(100.0) - F("n4"))
        )
    )


def _absence(team_ids: Any, period: Period) -> dict[int, tuple[Decimal, Decimal]]:
    rows = (
        AbsenceFigure.objects.filter(team_id__in=team_ids, period=period.code)
        .filter(
            Q(percentage__gte=settings.TEAMCARE_ABSENCE_PERCENT) | Q(frequency__gte=settings.TEAMCARE_ABSENCE_FREQUENCY)
        )
        .values_list("team_id", "percentage", "frequency")
        .order_by()
    )
    return {team_id: (percentage, frequency) for team_id, percentage, frequency in rows}


def _monitor(teams: QuerySet[OrgNode], period: Period) -> dict[int, Message]:
    """The newest frozen campaign with a group for the team decides; only a shown group counts.

    Read-only: only campaigns whose results monitor already froze are read, so reading here never
    freezes (writes) anything."""
    since = years_before(period.end, settings.TEAMCARE_MONITOR_YEARS)
    campaigns = list(
        Campaign.objects.filter(snapshot__isnull=False, closes_on__lte=period.end, closes_on__gt=since).order_by(
            "-closes_on", "-pk"
        )
    )
    found_here: dict[int, Message] = {}
    if not campaigns:
        return found_here
    wanted = set(settings.TEAMCARE_MONITOR_SCALES)
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
                found_here[team_id] = text % {"campaign": campaign.name, "scales": ", ".join(risky)}
    return found_here


def _scale_names(campaign: Campaign) -> dict[str, str]:
    try:
        loaded = questionnaire.load(campaign.questionnaire)
    except (KeyError, FileNotFoundError, ValueError):
        return {}
    return dict(loaded.scale_choices)


def _barista(team_ids: Any, period: Period, now: dt.datetime) -> list[QuerySet[Any]]:
    """Per team and Barista table: ``n0`` = invitations without a timely outcome in the 12 months.
    ``_counted`` adds the two up and keeps the teams at or over the threshold, telling only the
    threshold in use (the count itself is never passed on)."""
    days = settings.TEAMCARE_BARISTA_DAYS
    window_end = min(now, _end_of(period.end))
    latest_start = window_end - dt.timedelta(days=days)
    since = _end_of(years_before(period.end, 1))
    late = ExpressionWrapper(F("created_at") + dt.timedelta(days=days), output_field=DateTimeFieldExpr())
    return [
        model.objects.filter(team_id__in=team_ids, created_at__gte=since, created_at__lte=latest_start)  # type: ignore[attr-defined]
        .annotate(late=late)
        .filter(Q(outcome_at__isnull=True) | Q(outcome_at__gt=F("late")))
        .values("team_id")
        .annotate(n0=Count("pk"))
        for model in (BaristaSignal, SignalTally)
    ]


def _aftercare(team_ids: Any, period: Period) -> QuerySet[Any]:
    """Per team: ``n0`` = distinct events that touched its members, only when at least the threshold."""
    since = _end_of(years_before(period.end, 1))
    return (
        Plan.objects.filter(
            person__team_id__in=team_ids, event__occurred_at__gte=since, event__occurred_at__lt=_end_of(period.end)
        )
        .values("person__team_id")
        .annotate(n0=Count("event_id", distinct=True))
        .filter(n0__gte=aftercare_min())
    )
