"""Pages under /monitor/: campaigns, the anonymous questionnaire, the dashboard, action plans."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import access
from access import permission_required, public_page
from core import csv_export, links
from core.middleware import unlogged
from monitor import campaigns as campaign_services
from monitor import drafts, presentation, questionnaire, results, selectors, submission
from monitor import plans as plan_services
from monitor.forms import CampaignForm, MeasureEditForm, MeasureForm, MeasureUpdateForm
from monitor.models import Campaign, Measure
from monitor.results import ORGANISATION, CampaignResults, Figure, Group, GroupKey
from organisation.models import OrgNode, Unit

# --- Campaigns ------------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("monitor.campaigns")
def campaigns(request: HttpRequest) -> HttpResponse:
    found = selectors.campaigns_for(request.user).order_by("-opens_on", "-pk")
    return render(request, "monitor/campaigns.html", {"campaigns": found, "today": timezone.localdate()})


def _campaign_form(request: HttpRequest, data: Any = None) -> CampaignForm:
    units, nodes = access.monitor_scope(request.user)
    return CampaignForm(
        data,
        questionnaire=questionnaire.load(),
        units=Unit.objects.filter(pk__in=units),
        nodes=OrgNode.objects.filter(pk__in=nodes).select_related("unit").order_by("unit__name", "name"),
        campaigns=selectors.campaigns_for(request.user).order_by("-opens_on"),
        initial={"kind": "nulmeting"},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("monitor.campaigns")
def campaign_create(request: HttpRequest) -> HttpResponse:
    form = _campaign_form(request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        campaign = campaign_services.campaign_create(
            actor=request.user,
            name=data["name"],
            kind=data["kind"],
            scales=data["scales"],
            units=data["units"],
            nodes=data["nodes"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            previous=data["previous"],
            request=request,
        )
        messages.success(request, _("De meting is aangemaakt. Controleer de gegevens en verstuur de uitnodigingen."))
        return redirect("monitor:campaign", pk=campaign.pk)
    return render(request, "monitor/campaign_form.html", {"form": form})


def _campaign_in_scope(request: HttpRequest, pk: int) -> Campaign:
    return get_object_or_404(selectors.campaigns_for(request.user), pk=pk)


@never_cache
@require_GET
@permission_required("monitor.campaigns")
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_in_scope(request, pk)
    total, rates = selectors.response_rates(campaign)
    context = {
        "campaign": campaign,
        "rates": rates,
        "total": total,
        "scales": questionnaire.load(campaign.questionnaire).selected(campaign.scales),
        "invitee_count": selectors.invitees(campaign).count() if campaign.invitations_sent_at is None else None,
        "is_open": campaign.is_open(),
        "is_closed": campaign.is_closed(),
        "reminder_days": selectors.reminder_days(campaign),
        # Without the site's address the automatic reminders cannot link to the questionnaire
        # (``jobs.send_scheduled_reminders`` sends nothing): say so before anyone sends.
        "no_site_url": not links.site_url(),
    }
    return render(request, "monitor/campaign_detail.html", context)


@require_POST
@permission_required("monitor.campaigns")
def campaign_send(request: HttpRequest, pk: int) -> HttpResponse:
    done = _("De uitnodigingen worden verstuurd. Dat kan enkele minuten duren.")
    return _mailing(request, pk, campaign_services.campaign_send, done)


@require_POST
@permission_required("monitor.campaigns")
def campaign_remind(request: HttpRequest, pk: int) -> HttpResponse:
    done = _("De herinneringen worden verstuurd aan iedereen die nog niet heeft ingevuld.")
    return _mailing(request, pk, campaign_services.campaign_remind, done)


def _mailing(request: HttpRequest, pk: int, service: Callable[..., object], done: str) -> HttpResponse:
    """Ask the service to send a round of mail; a refusal comes back as its message."""
    campaign = _campaign_in_scope(request, pk)
    try:
        service(campaign=campaign, actor=request.user, base_url=request.build_absolute_uri("/"), request=request)
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(request, done)
    return redirect("monitor:campaign", pk=campaign.pk)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("monitor.campaigns")
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Closing early cannot be undone, so it asks first: GET shows the question, and only a POST
    from that page (``bevestigd``) closes. Works without JavaScript."""
    campaign = _campaign_in_scope(request, pk)
    if campaign.is_closed():
        return redirect("monitor:campaign", pk=campaign.pk)
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        if campaign_services.campaign_close(campaign=campaign, actor=request.user, request=request):
            messages.success(request, _("De meting is gesloten. De resultaten staan nu op het dashboard."))
        return redirect("monitor:campaign", pk=campaign.pk)
    if request.method == "POST":
        return redirect("monitor:campaign_close", pk=campaign.pk)
    total, _rates = selectors.response_rates(campaign)
    return render(request, "monitor/campaign_close.html", {"campaign": campaign, "total": total})


# --- The questionnaire behind an invitation link (no login) ---------------------------------

_UNUSABLE = {
    "unknown": 404,
    "used": 410,
    "closed": 410,
    "not_yet": 403,
}


def _no_referrer(response: HttpResponse) -> HttpResponse:
    """The token is in the URL: never send it along to another site. (``no-referrer`` would also
    blank the Origin header of the form's own POST, which the CSRF check needs.)"""
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


#: What a form value means: points 1–5 or "Zeg ik liever niet" (whether the item takes it is checked apart).
_ANSWER_VALUES: dict[str, int | str] = {
    **{str(value): value for value in range(1, questionnaire.POINTS + 1)},
    questionnaire.RATHER_NOT: questionnaire.RATHER_NOT,
}


def _answers_from(request: HttpRequest, codes: frozenset[str]) -> dict[str, int | str]:
    """The valid answers in the form (1-5 per known item code, or "Zeg ik liever niet" on an item
    of a sensitive scale); anything else is left out, so a missing or tampered answer counts as
    not given and is asked again at its question."""
    found: dict[str, int | str] = {}
    for code, value in request.POST.items():
        answer = _ANSWER_VALUES.get(value) if isinstance(value, str) else None
        if answer is not None and code in codes and questionnaire.answer_accepted(code, answer):
            found[code] = answer
    return found


@lru_cache(maxsize=8)
def _done_url(urlconf: str | None, prefix: str) -> str:
    """The thanks page's address, worked out once (every submission redirects there)."""
    return reverse("monitor:respond_done", urlconf=urlconf)


def _unusable(request: HttpRequest, reason: str) -> HttpResponse:
    page = render(request, "monitor/respond_unusable.html", {"reason": reason}, status=_UNUSABLE[reason])
    return _no_referrer(page)


@unlogged
@public_page
@never_cache
@require_http_methods(["GET", "POST"])
def respond(request: HttpRequest, token: str) -> HttpResponse:
    submitting = request.method == "POST" and request.POST.get("actie") == "versturen"
    if submitting:
        # The common case first, in one database statement; only when it is refused does the
        # page look the invitation up to say why.
        try:
            submission.response_submit(token=token, answers=_answers_from(request, questionnaire.item_codes()))
        except submission.InvitationUnusable as unusable:
            return _unusable(request, unusable.reason)
        except submission.AnswersIncomplete:
            pass  # shown below, at every question without an answer
        else:
            # Also when another tab submitted the same link a moment earlier: thanks is still right.
            done = HttpResponseRedirect(_done_url(get_urlconf(), get_script_prefix()))
            drafts.forget(done, request)
            return _no_referrer(done)
    try:
        invitation = selectors.invitation_for(token)
    except selectors.InvitationUnusable as unusable:
        return _unusable(request, unusable.reason)
    campaign = invitation.campaign
    definition = questionnaire.load(campaign.questionnaire)
    scales = definition.selected(campaign.scales)
    codes = frozenset(item.code for scale in scales for item in scale.items)
    answers = drafts.read(request, token, codes)
    missing: list[questionnaire.Item] = []
    saved = False
    if request.method == "POST":
        answers = _answers_from(request, codes)
        if submitting:
            missing = [item for scale in scales for item in scale.items if not scale.accepts(answers.get(item.code))]
        else:
            saved = True
    context = {
        "campaign": campaign,
        "questionnaire": definition,
        "scales": scales,
        "answers": answers,
        "missing": missing,
        "saved": saved,
        "answered": len(answers),
        "rather_not": questionnaire.RATHER_NOT,
        "total": sum(len(scale.items) for scale in scales),
    }
    page = render(request, "monitor/respond.html", context)
    if saved:
        drafts.keep(page, request, token, answers, campaign.last_day)
    return _no_referrer(page)


@unlogged
@public_page
@never_cache
@require_GET
def respond_done(request: HttpRequest) -> HttpResponse:
    return _no_referrer(render(request, "monitor/respond_done.html"))


# --- Dashboard ------------------------------------------------------------------------------


class _Selection:
    """The dashboard's filters as chosen, checked against what the user may see."""

    def __init__(self, request: HttpRequest) -> None:
        scope = access.monitor_result_scope(request.user)
        self.campaigns = selectors.closed_campaigns_for(request.user, scope)
        chosen = request.GET.get("meting", "")
        self.campaign = next((c for c in self.campaigns if str(c.pk) == chosen), None) or (
            self.campaigns[0] if self.campaigns else None
        )
        self.results: CampaignResults | None = results.for_campaign(self.campaign) if self.campaign else None
        self.keys = selectors.visible_keys(request.user, self.results, scope) if self.results else []
        self.units = [key for key in self.keys if key[0] == "unit"]
        unit = selectors.parse_key(request.GET.get("eenheid", ""))
        self.unit = unit if unit in self.units else None
        self.teams = [key for key in self.keys if key[0] == "node" and self._in_unit(key)]
        team = selectors.parse_key(request.GET.get("team", ""))
        self.team = team if team in self.teams else None
        self.group: GroupKey | None = self.team or self.unit or self._default()
        definition = questionnaire.load(self.campaign.questionnaire) if self.campaign else None
        scales = self.campaign.scales if self.campaign else []
        self.scale_choices = [c for c in definition.scale_choices if c[0] in scales] if definition else []
        scale = request.GET.get("schaal", "")
        self.scale = scale if scale in dict(self.scale_choices) else ""

    def _in_unit(self, key: GroupKey) -> bool:
        if self.unit is None or self.results is None:
            return True
        group = self.results.groups[key]
        while group.parent is not None:
            if group.parent == self.unit:
                return True
            group = self.results.groups[group.parent]
        return False

    def _default(self) -> GroupKey | None:
        """The narrowest group in scope: a manager's or employee's team, an analyst's unit."""
        specific = [key for key in self.keys if key != ORGANISATION]
        if not specific:
            return ORGANISATION if ORGANISATION in self.keys else None
        return min(specific, key=lambda key: self.results.groups[key].depth if self.results else 0)

    def children(self) -> list[Group]:
        """The visible groups directly under the chosen group (for the comparison per team)."""
        if self.results is None or self.group is None:
            return []
        return [self.results.groups[key] for key in self.keys if self.results.groups[key].parent == self.group]


def _dashboard_context(request: HttpRequest) -> dict[str, Any]:
    selection = _Selection(request)
    context: dict[str, Any] = {"selection": selection, "campaigns": selection.campaigns}
    if selection.results is None or selection.group is None or selection.campaign is None:
        return context
    previous = results.for_campaign(selection.campaign.previous) if selection.campaign.previous else None
    comparisons = results.compare(selection.results, selection.group, selection.campaign, previous)
    if selection.scale:
        comparisons = [row for row in comparisons if row.slug == selection.scale]
    group = selection.results.groups[selection.group]
    node_id = group.node_id
    context_scale = selection.scale or (comparisons[0].slug if comparisons else "")
    organisation = selection.results.groups.get(ORGANISATION)
    # "Hele politie" next to a group says nothing when the group is everyone who was measured
    # (the organisation itself, or the one team of a campaign): then it is left out.
    compare_organisation = (
        organisation is not None
        and organisation.shown
        and selection.group != ORGANISATION
        and organisation.respondents != group.respondents
    )
    context.update(
        {
            "group": group,
            "comparisons": comparisons,
            "chart_groups": presentation.chart_groups(comparisons),
            "compare_organisation": compare_organisation,
            "scale_slug": context_scale,
            "previous_campaign": selection.campaign.previous if previous else None,
            "measures": selectors.team_measures(node_id),
            "plan_team": node_id if node_id and node_id in access.monitor_plan_node_ids(request.user) else None,
            "child_rows": _child_rows(selection.children(), context_scale),
            "unit_options": _options(selection.results, selection.units, request.GET.get("eenheid", "")),
            "team_options": _options(selection.results, selection.teams, request.GET.get("team", "")),
            "query": request.GET.urlencode(),
        }
    )
    return context


def _options(found: CampaignResults, keys: list[GroupKey], chosen: str) -> SafeString:
    """The ``<option>`` elements of a group filter, made here rather than in a template loop: an
    HR analyst's team list has hundreds of entries, and rendering them one by one in the template
    language took most of the page's time. Names are escaped (they come from the HR import)."""
    options = []
    for key in keys:
        value = selectors.key_value(key)
        selected = " selected" if value == chosen else ""
        options.append(f'<option value="{value}"{selected}>{html.escape(found.groups[key].name)}</option>')
    return mark_safe("".join(options))  # noqa: S308 - values are "kind-id", names escaped above


def _child_rows(children: list[Group], slug: str) -> list[tuple[Group, Figure | None]]:
    """Each group under the chosen one with its figure on the chosen scale."""
    return [(child, child.figures.get(slug)) for child in children if slug in child.figures]


def _figures_html(context: dict[str, Any]) -> str:
    """The figures part of the dashboard (``_dashboard_figures.html``), from the shared cache.

    Who may see which group is decided on every request, by ``_Selection`` from the user's roles
    as they are now; the cache only saves rendering what the frozen results say about a group the
    user was just allowed to open. So the key holds everything the part is made of: the frozen
    results of the campaign and of the previous wave (each key tells a recreated campaign apart),
    the group, the scale filter, the language, and the sub-groups listed, which depend on the
    user's scope (someone who may see a district but not every team under it gets their own
    entry). Nothing in it is about the viewer, and a figure in it is exactly the one the snapshot
    published to everyone allowed to see it."""
    selection: _Selection = context["selection"]
    assert selection.campaign is not None  # only called with a group chosen
    previous = selection.campaign.previous if context["previous_campaign"] else None
    parts = [
        results.cache_key(selection.campaign),
        results.cache_key(previous) if previous else "-",
        selectors.key_value(context["group"].key),
        selection.scale,
        get_language() or "",
        ",".join(selectors.key_value(child.key) for child, _figure in context["child_rows"]),
    ]
    key = "monitor:figures:v1:" + hashlib.sha256("|".join(parts).encode()).hexdigest()
    found = cache.get(key)
    if found is None:
        found = render_to_string("monitor/_dashboard_figures.html", context)
        cache.set(key, found, results.CACHE_SECONDS)
    return mark_safe(found)  # noqa: S308 - rendered by our own template (autoescaped)


@never_cache
@require_GET
@permission_required("monitor.dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    context = _dashboard_context(request)
    if "group" in context:
        context["figures_html"] = _figures_html(context)
    if getattr(request, "htmx", False):
        return render(request, "monitor/_dashboard_results.html", context)
    return render(request, "monitor/dashboard.html", context)


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@never_cache
@require_GET
@permission_required("monitor.dashboard")
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    """The aggregates of every group the user may see (suppressed figures left empty). Team and
    campaign names go through the shared writer, which keeps them from running as formulas."""
    selection = _Selection(request)
    response, writer = csv_export.csv_response("weerbaarheidsmonitor.csv")
    writer.writerow(
        [
            _("Meting"),
            _("Onderdeel"),
            _("Respondenten"),
            _("Schaal"),
            _("Gemiddelde (1-5)"),
            _("In risicozone (%)"),
            _("Getoond"),
            _("Zeg ik liever niet (aantal)"),
        ]
    )
    if selection.results is None or selection.campaign is None:
        return response
    names = dict(selection.scale_choices)
    for key in selection.keys:
        group = selection.results.groups[key]
        for slug in selection.results.scales:
            if selection.scale and slug != selection.scale:
                continue
            figure = group.figures[slug]
            writer.writerow(
                [
                    selection.campaign.name,
                    group.name,
                    group.respondents if group.shown else "",
                    names.get(slug, slug),
                    _figure(figure.mean),
                    figure.risk_export,
                    _("ja") if group.shown else _("nee (te weinig deelnemers)"),
                    "" if figure.declined is None else figure.declined,
                ]
            )
    return response


@never_cache
@require_GET
@permission_required("monitor.dashboard")
def dashboard_pdf(request: HttpRequest) -> HttpResponse:
    from weasyprint import HTML

    context = _dashboard_context(request)
    html = render_to_string("monitor/dashboard_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="weerbaarheidsmonitor.pdf"'
    return response


# --- Plan van Aanpak ------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("monitor.plans")
def plans(request: HttpRequest) -> HttpResponse:
    return render(request, "monitor/plans.html", {"teams": selectors.plan_teams(request.user)})


def _team_in_scope(request: HttpRequest, pk: int) -> OrgNode:
    if pk not in access.monitor_plan_node_ids(request.user):
        raise Http404
    return get_object_or_404(OrgNode.objects.select_related("unit"), pk=pk)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("monitor.plans")
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    team = _team_in_scope(request, pk)
    may_edit = access.can_edit_monitor_plan(request.user, team)
    definition = questionnaire.load()
    provision_choices = selectors.provision_choices()
    form = MeasureForm(
        request.POST if request.method == "POST" else None,
        scale_choices=definition.scale_choices,
        provision_choices=provision_choices,
    )
    team_campaigns = selectors.team_campaigns(request.user, team)
    latest = team_campaigns[0] if team_campaigns else None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            plan_services.measure_create(
                actor=request.user,
                team=team,
                request=request,
                campaign=latest,
                **{name: form.cleaned_data[name] for name in MeasureForm.Meta.fields},
            )
            messages.success(request, _("De maatregel is toegevoegd aan het Plan van Aanpak."))
            return redirect("monitor:plan", pk=team.pk)
    cards = presentation.measure_cards(
        selectors.plan_measures(team), team_campaigns, dict(definition.scale_choices), dict(provision_choices)
    )
    context = {
        "team": team,
        "form": form,
        "may_edit": may_edit,
        "measures": cards,
        "latest_campaign": latest,
        "comparisons": selectors.team_comparisons(team, team_campaigns),
    }
    return render(request, "monitor/plan.html", context)


def _editable_measure(request: HttpRequest, pk: int) -> tuple[Measure, OrgNode]:
    """The measure and its team, when the user may change the team's plan (404 out of scope, else 403)."""
    measure = get_object_or_404(Measure.objects.select_related("team"), pk=pk)
    team = _team_in_scope(request, measure.team_id)
    if not access.can_edit_monitor_plan(request.user, team):
        raise PermissionDenied
    return measure, team


@require_POST
@permission_required("monitor.plans")
def measure_update(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan page's quick form: a new status and a progress note (the rest: ``measure_edit``)."""
    measure, team = _editable_measure(request, pk)
    form = MeasureUpdateForm(request.POST, prefix=f"m{measure.pk}")
    if form.is_valid():
        plan_services.measure_edit(
            actor=request.user,
            measure=measure,
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            request=request,
        )
        messages.success(request, _("De maatregel is bijgewerkt."))
    else:
        messages.error(request, _("De maatregel is niet bijgewerkt. Kies een status."))
    return redirect("monitor:plan", pk=team.pk)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("monitor.plans")
def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change everything of a measure after it was added (server-rendered, works without JS).
    The same people who may add measures to the team's plan may change them."""
    measure, team = _editable_measure(request, pk)
    definition = questionnaire.load()
    provision_choices = selectors.provision_choices()
    # A provision that has left the catalogue stays selectable, so saving does not drop it silently.
    known = {slug for slug, _name in provision_choices}
    provision_choices += [(slug, slug) for slug in measure.provisions if slug not in known]
    form = MeasureEditForm(
        request.POST if request.method == "POST" else None,
        initial={name: getattr(measure, name) for name in plan_services.MEASURE_FIELDS},
        scale_choices=definition.scale_choices,
        provision_choices=provision_choices,
    )
    if request.method == "POST" and form.is_valid():
        changed = plan_services.measure_edit(
            actor=request.user,
            measure=measure,
            note=form.cleaned_data["note"],
            request=request,
            **{name: form.cleaned_data[name] for name in plan_services.MEASURE_FIELDS},
        )
        if changed:
            messages.success(request, _("De maatregel is opgeslagen."))
        else:
            messages.info(request, _("Er was niets veranderd."))
        return redirect(f"{reverse('monitor:plan', kwargs={'pk': team.pk})}#maatregel-{measure.pk}")
    context = {"team": team, "measure": measure, "form": form, "notes": list(measure.notes.all())}
    return render(request, "monitor/measure_form.html", context)
