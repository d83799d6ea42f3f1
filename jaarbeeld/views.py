"""Pages of the Sociaal Jaarbeeld: thin; reads in selectors, writes in services."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import can, permission_required
from jaarbeeld import document, selectors, services, workflow
from jaarbeeld.constants import Block, EditionStatus, ThreadPart
from jaarbeeld.forms import (
    CompareForm,
    EditionCreateForm,
    ImportForm,
    RoundForm,
    StatementFormSet,
    ThreadFormSet,
    TransitionForm,
    UnitChoiceForm,
)
from jaarbeeld.models import Edition
from jaarbeeld.presentation import thread_parts


def _frozen(edition: Edition) -> None:
    # Platform values of a closed year are stored at their first read, so every later read
    # (page, PDF, API) shows the same, and nothing can be learnt by comparing two reads.
    services.platform_values_freeze(year=edition.year)


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "jaarbeeld/index.html",
        {
            "editions": selectors.editions(),
            "create_form": EditionCreateForm() if can(request.user, "jaarbeeld.edit") else None,
            "compare_form": CompareForm(),
        },
    )


@require_POST
@permission_required("jaarbeeld.edit")
def edition_create(request: HttpRequest) -> HttpResponse:
    form = EditionCreateForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "jaarbeeld/index.html",
            {"editions": selectors.editions(), "create_form": form, "compare_form": CompareForm()},
            status=400,
        )
    edition = services.edition_create(year=form.cleaned_data["jaar"], actor=request.user)
    messages.success(request, _("De editie is gemaakt als concept."))
    return redirect("jaarbeeld:edition", year=edition.year)


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def edition(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    _frozen(found)
    return render(
        request,
        "jaarbeeld/edition.html",
        {
            "edition": found,
            "parts": thread_parts(selectors.thread_items(found)),
            "dimensions": selectors.dimensions(),
            "can_edit": can(request.user, "jaarbeeld.edit") and workflow.is_editable(found.status),
        },
    )


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def dimension(request: HttpRequest, year: int, code: str) -> HttpResponse:
    found = selectors.edition(year)
    dim = selectors.dimension(code)
    _frozen(found)
    return render(
        request,
        "jaarbeeld/dimension.html",
        {
            "edition": found,
            "page": selectors.dimension_page(found, dim),
            "dimensions": selectors.dimensions(),
            "can_edit": can(request.user, "jaarbeeld.edit") and workflow.is_editable(found.status),
        },
    )


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def unit_view(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    _frozen(found)
    form = UnitChoiceForm(request.GET or None)
    unit = form.cleaned_data["eenheid"] if form.is_bound and form.is_valid() else None
    return render(
        request,
        "jaarbeeld/unit.html",
        {
            "edition": found,
            "form": form,
            "unit": unit,
            "pages": selectors.dimension_pages(found, unit=unit) if unit else [],
        },
    )


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def history(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    return _history(request, found)


def _history(
    request: HttpRequest,
    found: Edition,
    round_form: RoundForm | None = None,
    transition_form: TransitionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    editing = can(request.user, "jaarbeeld.edit") and workflow.is_editable(found.status)
    next_steps = [(value, label) for value, label in EditionStatus.choices if workflow.allowed(found.status, value)]
    if transition_form is None and editing:
        transition_form = TransitionForm(initial={"to": next_steps[0][0] if next_steps else ""})
    if transition_form is not None:
        transition_form.fields["to"].choices = next_steps  # type: ignore[attr-defined]
    return render(
        request,
        "jaarbeeld/history.html",
        {
            "edition": found,
            "rounds": list(found.rounds.all()),
            "changes": list(found.status_changes.select_related("actor")),
            "round_form": (round_form or RoundForm()) if editing else None,
            "transition_form": transition_form if editing and next_steps else None,
        },
        status=status,
    )


@require_POST
@permission_required("jaarbeeld.edit")
def round_add(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    form = RoundForm(request.POST)
    if form.is_valid():
        try:
            services.consultation_round_add(edition=found, actor=request.user, **form.cleaned_data)
        except services.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De consultatieronde is vastgelegd."))
            return redirect("jaarbeeld:history", year=year)
    return _history(request, found, round_form=form, status=400)


@require_POST
@permission_required("jaarbeeld.edit")
def transition(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    form = TransitionForm(request.POST)
    allowed = [(v, label) for v, label in EditionStatus.choices if workflow.allowed(found.status, v)]
    form.fields["to"].choices = allowed  # type: ignore[attr-defined]
    if form.is_valid():
        try:
            services.edition_transition(
                edition=found,
                to=form.cleaned_data["to"],
                actor=request.user,
                evaluation_on=form.cleaned_data["evaluation_on"],
            )
        except services.WorkflowError as error:
            form.add_error("to", str(error))
        else:
            messages.success(request, _("De status is gewijzigd."))
            return redirect("jaarbeeld:history", year=year)
    return _history(request, found, transition_form=form, status=400)


def _initial(items: list[Any], with_indicator: bool) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row: dict[str, Any] = {"text": item.text, "nature": item.nature}
        if with_indicator:
            row["indicator"] = item.indicator
        rows.append(row)
    return rows


def _statements(formset: Any, with_indicator: bool) -> list[services.ItemInput]:
    return [
        (
            form.cleaned_data["text"].strip(),
            form.cleaned_data["nature"],
            form.cleaned_data.get("indicator") if with_indicator else None,
        )
        for form in formset.forms
        if form.cleaned_data.get("text", "").strip()
    ]


@require_http_methods(["GET", "POST"])
@permission_required("jaarbeeld.edit")
def edit_block(request: HttpRequest, year: int, code: str, block: str) -> HttpResponse:
    found = selectors.edition(year)
    dim = selectors.dimension(code)
    if block not in Block.values or not workflow.is_editable(found.status):
        raise Http404
    items = [i for i in found.block_items.filter(dimension=dim, block=block).select_related("indicator")]
    formset = StatementFormSet(request.POST or None, initial=_initial(items, True), prefix="uitspraak")
    if request.method == "POST" and formset.is_valid():
        services.block_items_save(
            edition=found, dimension=dim, block=block, items=_statements(formset, True), actor=request.user
        )
        messages.success(request, _("Het blok is opgeslagen."))
        return redirect("jaarbeeld:dimension", year=year, code=code)
    return render(
        request,
        "jaarbeeld/edit.html",
        {
            "edition": found,
            "formset": formset,
            "heading": f"{dim.get_code_display()}: {Block(block).label}",
            "dimension": dim,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@permission_required("jaarbeeld.edit")
def edit_thread(request: HttpRequest, year: int, part: str) -> HttpResponse:
    found = selectors.edition(year)
    if part not in ThreadPart.values or not workflow.is_editable(found.status):
        raise Http404
    items = list(found.thread_items.filter(part=part))
    formset = ThreadFormSet(request.POST or None, initial=_initial(items, False), prefix="uitspraak")
    if request.method == "POST" and formset.is_valid():
        services.thread_items_save(edition=found, part=part, items=_statements(formset, False), actor=request.user)
        messages.success(request, _("Het onderdeel is opgeslagen."))
        return redirect("jaarbeeld:edition", year=year)
    return render(
        request,
        "jaarbeeld/edit.html",
        {"edition": found, "formset": formset, "heading": str(ThreadPart(part).label), "dimension": None},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def indicators(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "jaarbeeld/indicators.html",
        {"indicators": list(selectors.indicators()), "can_import": can(request.user, "jaarbeeld.edit")},
    )


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    found = selectors.indicator(code)
    views = selectors.indicator_views([found])
    return render(request, "jaarbeeld/indicator.html", {"indicator": found, "view": views[found.pk]})


@require_http_methods(["GET", "POST"])
@permission_required("jaarbeeld.edit")
def values_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["bestand"].read(settings.JAARBEELD_IMPORT_MAX_BYTES + 1)
        report = services.values_import(data=data, max_bytes=settings.JAARBEELD_IMPORT_MAX_BYTES, actor=request.user)
        if report.checked.ok:
            messages.success(
                request,
                _("Import klaar: %(created)s nieuw, %(updated)s gewijzigd.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect("jaarbeeld:indicators")
        form.add_error(
            "bestand", _("Het bestand is niet ingelezen: er is niets opgeslagen. Bekijk de fouten hieronder.")
        )
    return render(
        request,
        "jaarbeeld/import.html",
        {"form": form, "report": report},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET or None)
    diff = None
    if form.is_bound and form.is_valid():
        before = get_object_or_404(Edition, year=form.cleaned_data["van"])
        after = get_object_or_404(Edition, year=form.cleaned_data["naar"])
        diff = selectors.edition_diff(before, after)
    return render(request, "jaarbeeld/compare.html", {"form": form, "diff": diff})


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def document_page(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    _frozen(found)
    return render(request, "jaarbeeld/document.html", document.context(found))


@never_cache
@require_GET
@permission_required("jaarbeeld.read")
def document_pdf(request: HttpRequest, year: int) -> HttpResponse:
    found = selectors.edition(year)
    _frozen(found)
    pdf = document.render_pdf(document.render_html(found))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sociaal-jaarbeeld-{found.year}.pdf"'
    return response
