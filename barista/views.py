"""Pages under /barista/: the manager's invitations, the employee's own signals, manual
exposures and absences, the rules with a preview, the exposure types and the statistics for the
pilot evaluation. The import page is in ``views_import``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

import access
from access import permission_required
from barista import evaluation, presentation, selectors, services
from barista.forms import AbsenceForm, ExposureForm, ExposureTypeForm, OutcomeForm, RulesForm, ScopeForm
from barista.models import Absence, ExposureType, RuleSet
from core import audit, csv_export
from organisation.models import Person, Unit

#: How many of their own events an employee sees listed (the count of the rest is shown).
OWN_EXPOSURES = 100


# --- The manager ----------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("barista.invitations")
def invitations(request: HttpRequest) -> HttpResponse:
    found = list(selectors.invitations(request.user))
    audit.log_reads(request, found)
    person = selectors.own_person(request.user)
    return render(
        request,
        "barista/invitations.html",
        {
            "open": [s for s in found if s.is_open],
            "done": [s for s in found if not s.is_open],
            "escalations": list(selectors.escalations_for(person)),
            "now": timezone.now(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.invitations")
def invitation(request: HttpRequest, pk: int) -> HttpResponse:
    signal = selectors.invitation(request.user, pk)
    if signal is None:
        raise Http404
    provisions = selectors.provision_choices()
    form = OutcomeForm(request.POST or None, provisions=provisions)
    if request.method == "POST" and signal.is_open and form.is_valid():
        outcome = form.cleaned_data["outcome"]
        slug = form.cleaned_data.get("provision") or ""
        try:
            services.record_outcome(
                signal=signal,
                outcome=outcome,
                actor=request.user,
                provision=(slug, form.provision_names.get(slug, slug)) if slug else None,
                request=request,
            )
        except services.AlreadyRecorded:
            messages.info(request, _("De uitkomst van deze uitnodiging was al vastgelegd."))
        else:
            messages.success(request, _("Dank je. De uitkomst is vastgelegd."))
        return redirect("barista:invitations")
    if request.method == "POST" and not signal.is_open:
        messages.info(request, _("De uitkomst van deze uitnodiging was al vastgelegd."))
        return redirect("barista:invitations")
    audit.log_read(request, signal, person=signal.person)
    services.invitation_opened(signal=signal, user=request.user)
    return render(
        request,
        "barista/invitation.html",
        {
            "signal": signal,
            "reason_labels": presentation.reason_labels(signal),
            "form": form,
            "help_links": selectors.help_links(),
        },
    )


# --- The employee ---------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("barista.own")
def own(request: HttpRequest) -> HttpResponse:
    person = selectors.own_person(request.user)
    unit_id = person.team.unit_id if person is not None and person.team is not None else None
    exposures, more = [], 0
    if person is not None:
        exposures = list(selectors.own_exposures(person)[: OWN_EXPOSURES + 1])
        if len(exposures) > OWN_EXPOSURES:
            more = selectors.own_exposures(person).count() - OWN_EXPOSURES
    return render(
        request,
        "barista/own.html",
        {
            "person": person,
            "signals": presentation.signal_items(selectors.own_signals(request.user)),
            "exposures": exposures[:OWN_EXPOSURES],
            "more_exposures": more,
            "rules": selectors.rules_in_force(unit_id),
            "scope_on": selectors.scope_for(person),
            "types": ExposureType.objects.filter(is_active=True).order_by("-weight", "name"),
        },
    )


# --- Manual exposures and absences ----------------------------------------------------------


def _people(request: HttpRequest, *, absences: bool = False) -> QuerySet[Person]:
    return Person.objects.filter(access.barista_people_filter(request.user, absences=absences), is_active=True)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.exposures")
def exposure_add(request: HttpRequest) -> HttpResponse:
    form = ExposureForm(request.POST or None, people=_people(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.exposure_add(
            person=data["person"],
            type=data["type"],
            occurred_at=data["occurred_at"],
            actor=request.user,
            request=request,
        )
        messages.success(
            request,
            _("De gebeurtenis is vastgelegd voor %(name)s. Barista heeft de regels meteen opnieuw bekeken.")
            % {"name": data["person"].full_name},
        )
        return redirect("barista:exposure_add")
    return render(request, "barista/exposure_add.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.absences")
def absences(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    people = _people(request, absences=True)
    instance = get_object_or_404(Absence.objects.filter(person__in=people), pk=pk) if pk else None
    form = AbsenceForm(request.POST or None, instance=instance, people=people, deputies=selectors.deputies(people))
    if request.method == "POST" and form.is_valid():
        services.absence_save(instance=form.save(commit=False), actor=request.user, request=request)
        messages.success(request, _("De afwezigheid is opgeslagen."))
        return redirect("barista:absences")
    today = timezone.localdate()
    listed = (
        Absence.objects.filter(person__in=people)
        .exclude(ends_on__lt=today - timedelta(days=30))
        .select_related("person", "deputy")
        .order_by("-starts_on")[:200]
    )
    return render(request, "barista/absences.html", {"form": form, "absences": listed, "editing": instance})


# --- Functioneel beheer: rules, types (the import: views_import) ---------------------------


def _unit_or_none(code: str) -> Unit | None:
    if code == "organisatie":
        return None
    return get_object_or_404(Unit, code=code)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.manage")
def scope(request: HttpRequest) -> HttpResponse:
    """Where Barista runs: units and teams the functioneel beheerder switched on; off elsewhere."""
    rows = selectors.scope_rows()
    initial = {"units": [r.unit_id for r in rows if r.unit_id], "teams": [r.team_id for r in rows if r.team_id]}
    form = ScopeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.scope_set(
            units=form.cleaned_data["units"], teams=form.cleaned_data["teams"], actor=request.user, request=request
        )
        messages.success(request, _("Opgeslagen. Barista gebruikt dit bij de volgende beoordeling."))
        return redirect("barista:scope")
    return render(request, "barista/scope.html", {"form": form, "rows": rows})


@never_cache
@require_GET
@permission_required("barista.manage")
def rules(request: HttpRequest) -> HttpResponse:
    current = evaluation.current_rules()
    units = list(Unit.objects.order_by("name"))
    rows = [{"code": "organisatie", "name": _("Hele organisatie (standaard)"), "rules": current.get(None), "own": True}]
    rows += [
        {"code": u.code, "name": u.name, "rules": current.get(u.pk) or current.get(None), "own": u.pk in current}
        for u in units
    ]
    return render(request, "barista/rules.html", {"rows": rows, "scope": [str(row) for row in selectors.scope_rows()]})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.manage")
def rules_edit(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit_or_none(code)
    current = evaluation.current_rules()
    in_force = current.get(unit.pk if unit else None) or current.get(None)
    form = RulesForm(
        request.POST or None,
        instance=RuleSet(**{f: getattr(in_force, f) for f in services.RULE_FIELDS}) if in_force else None,
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("actie") == "opslaan":
            services.rules_save(unit=unit, values=form.cleaned_data, actor=request.user, request=request)
            messages.success(request, _("De nieuwe regels zijn vastgesteld. Ze gelden vanaf de volgende beoordeling."))
            return redirect("barista:rules")
        preview = _preview(unit, current, form.cleaned_data)
    history = RuleSet.objects.filter(unit=unit).select_related("created_by").order_by("-version")
    return render(
        request,
        "barista/rules_edit.html",
        {"form": form, "unit": unit, "code": code, "in_force": in_force, "preview": preview, "history": history},
    )


def _preview(unit: Unit | None, current: dict[int | None, RuleSet], values: dict[str, Any]) -> dict[str, int]:
    """How many people match the current and the proposed rules now, and how many of them would
    get a new invitation (no open one, not in the cool-down, not absent)."""
    proposed = dict(current)
    proposed[unit.pk if unit else None] = RuleSet(unit=unit, version=0, **{f: values[f] for f in services.RULE_FIELDS})
    if unit is None:
        # The organisation-wide rules apply to the units without rules of their own.
        condition = ~Q(person__team__unit_id__in=[k for k in current if k is not None])
    else:
        condition = Q(person__team__unit_id=unit.pk)
    now, today = timezone.now(), timezone.localdate()
    before = evaluation.find(now, today, rules=current, unit_filter=condition)
    after = evaluation.find(now, today, rules=proposed, unit_filter=condition)
    return {
        "matching_now": len(before.matching),
        "new_now": len(before.new),
        "matching_proposed": len(after.matching),
        "new_proposed": len(after.new),
    }


@never_cache
@require_GET
@permission_required("barista.manage")
def types(request: HttpRequest) -> HttpResponse:
    return render(request, "barista/types.html", {"types": ExposureType.objects.order_by("-is_active", "name")})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.manage")
def type_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(ExposureType, pk=pk) if pk else ExposureType()
    form = ExposureTypeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.type_save(
            instance=form.save(commit=False), actor=request.user, fields=form.changed_data, request=request
        )
        messages.success(request, _("De soort is opgeslagen."))
        return redirect("barista:types")
    return render(request, "barista/type_edit.html", {"form": form, "instance": instance})


# --- Statistics -----------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("barista.statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    chosen, since = selectors.period(request.GET.get("periode", ""))
    rows = selectors.statistics(since)
    if request.GET.get("formaat") == "csv":
        return _statistics_csv(rows)
    return render(
        request,
        "barista/statistics.html",
        {
            "rows": rows,
            "chosen": chosen,
            "periods": [
                ("12m", _("Afgelopen 12 maanden")),
                ("6m", _("Afgelopen 6 maanden")),
                ("3m", _("Afgelopen 3 maanden")),
            ],
        },
    )


def _statistics_csv(rows: list[selectors.Row]) -> HttpResponse:
    response, writer = csv_export.csv_response("barista-cijfers.csv", byte_order_mark=True)
    writer.writerow(
        [_("Groep"), _("Niveau"), _("Uitnodigingen"), _("Deel opgevolgd (%)"), _("Mediaan dagen tot gesprek")]
    )
    levels = {0: _("Organisatie"), 1: _("Eenheid"), 2: _("Team")}
    for row in rows:
        name = row.name or _("Hele organisatie")
        if row.shown:
            share = "" if row.followed_up_share is None else f"{100 * row.followed_up_share:.0f}"
            median = "" if row.median_days is None else f"{row.median_days:.1f}".replace(".", ",")
            writer.writerow([name, levels[row.level], row.invitations, share, median])
        else:
            writer.writerow([name, levels[row.level], _("niet getoond (te kleine groep)"), "", ""])
    return response
