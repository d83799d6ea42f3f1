"""Pages under /klachten/: the list, registering a complaint, one complaint with its work forms,
the committee's advice and the decision per element, documents, the complainant's status page,
lead times, statistics and the managed list of categories.

A complaint out of the visitor's reach answers 404, as if it did not exist; every page that shows
a complaint or one of its documents writes a read row to the audit trail."""

from __future__ import annotations

from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import access
from access import permission_required
from complaints import presentation, selectors, services, workflow
from complaints.constants import Stage
from complaints.forms import (
    AdviceForm,
    AssignForm,
    CategoryForm,
    ComplaintForm,
    ContactAttemptForm,
    DecisionForm,
    DocumentForm,
    ElementForm,
    MoveForm,
    PointForm,
)
from complaints.models import Category, Complaint, Document
from core import audit
from organisation.constants import Role
from organisation.models import Unit

STALE = _lazy("Iemand anders heeft deze klacht intussen gewijzigd. Bekijk de gegevens en probeer het opnieuw.")


def _parties(complaint: Any) -> set[int]:
    """The people on either side of a complaint: they never handle or decide it."""
    found = set(complaint.respondents.values_list("pk", flat=True))
    if complaint.complainant_id:
        found.add(complaint.complainant_id)
    return found


# --- Lists ----------------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("complaints.list")
def index(request: HttpRequest) -> HttpResponse:
    complaints = list(selectors.complaints_for(request.user))
    audit.log_reads(request, complaints)
    return render(
        request,
        "complaints/index.html",
        {
            "rows": presentation.complaint_rows(complaints, timezone.now()),
            "coordinates": access.can(request.user, "complaints.coordinate"),
            "statistics": access.can(request.user, "complaints.statistics"),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("complaints.coordinate")
def create(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.filter(pk__in=access.complaints_unit_ids(request.user, Role.KLACHTCOORDINATOR))
    form = ComplaintForm(request.POST or None, units=units, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        complaint = services.complaint_register(
            actor=request.user,
            received_on=data["received_on"],
            unit=data["unit"],
            channel=data["channel"],
            content=data["content"],
            complainant=data["complainant_number"],
            complainant_name=data["complainant_name"].strip(),
            respondents=data["respondent_numbers"],
            respondent_names=data["respondent_names"].strip(),
            request=request,
        )
        messages.success(request, _("De klacht is vastgelegd."))
        return redirect("complaints:detail", pk=complaint.pk)
    return render(request, "complaints/create.html", {"form": form})


# --- One complaint --------------------------------------------------------------------------


def _reachable(request: HttpRequest, pk: int) -> Complaint:
    complaint = selectors.complaint_for(request.user, pk)
    if complaint is None:
        raise Http404
    return complaint


def _allowed(request: HttpRequest, complaint: Complaint, what: str) -> frozenset[str]:
    relations = access.complaint_relations(request.user, complaint)
    if not access.complaint_may(relations, what):
        raise PermissionDenied
    return relations


def _render_detail(request: HttpRequest, complaint: Complaint, **forms: Any) -> HttpResponse:
    relations = access.complaint_relations(request.user, complaint)
    may = {what: access.complaint_may(relations, what) for what in ("manage", "work", "advise", "decide")}
    is_open = workflow.is_open(complaint.stage)
    context: dict[str, Any] = {
        "complaint": complaint,
        "may": may,
        "is_open": is_open,
        "elements": list(complaint.elements.select_related("category")),
        "respondents": list(complaint.respondents.all()),
        "respondent_names": [n for n in complaint.respondent_names.splitlines() if n.strip()],
        "points": list(complaint.committee_points.all()),
        "attempts": list(complaint.contact_attempts.all()),
        "documents": list(complaint.documents.all()),
        "history": list(complaint.history.select_related("actor")),
        "overdue": presentation.is_overdue(complaint, timezone.now()),
        "missing_attempts": workflow.missing_contact_attempts(selectors.unanswered_attempts(complaint)),
    }
    if may["manage"]:
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            handlers=selectors.handlers_of(complaint.unit_id),
            parties=_parties(complaint),
            initial={
                "version": complaint.version,
                "handler": complaint.handler_id,
                "decision_maker_number": complaint.decision_maker.employee_number if complaint.decision_maker else "",
            },
        )
    if may["work"] and is_open:
        context["move_form"] = forms.get("move_form") or MoveForm(
            stage=complaint.stage, initial={"version": complaint.version}
        )
        context["element_form"] = forms.get("element_form") or ElementForm()
        context["contact_form"] = forms.get("contact_form") or ContactAttemptForm(initial={"on": timezone.localdate()})
        context["document_form"] = forms.get("document_form") or DocumentForm()
    if may["advise"] and complaint.stage == Stage.COMMITTEE:
        context["point_form"] = forms.get("point_form") or PointForm()
    audit.log_read(request, complaint, person=complaint.complainant)
    return render(request, "complaints/detail.html", context)


@never_cache
@require_GET
@permission_required("complaints.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _reachable(request, pk))


@never_cache
@require_POST
@permission_required("complaints.view")
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _reachable(request, pk)
    _allowed(request, complaint, "manage")
    form = AssignForm(request.POST, handlers=selectors.handlers_of(complaint.unit_id), parties=_parties(complaint))
    if not form.is_valid():
        return _render_detail(request, complaint, assign_form=form)
    try:
        services.complaint_assign(
            complaint=complaint,
            actor=request.user,
            handler=form.cleaned_data["handler"],
            decision_maker=form.cleaned_data["decision_maker_number"],
            version=form.cleaned_data["version"],
            request=request,
        )
    except services.StaleComplaint:
        messages.error(request, STALE)
        return redirect("complaints:detail", pk=complaint.pk)
    messages.success(request, _("De behandeling is toegewezen."))
    return redirect("complaints:detail", pk=complaint.pk)


@never_cache
@require_POST
@permission_required("complaints.view")
def move(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _reachable(request, pk)
    _allowed(request, complaint, "work")
    form = MoveForm(request.POST, stage=complaint.stage)
    if form.is_valid():
        try:
            services.complaint_move(
                complaint=complaint,
                actor=request.user,
                to_stage=form.cleaned_data["to_stage"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
                request=request,
            )
        except services.StaleComplaint:
            messages.error(request, STALE)
            return redirect("complaints:detail", pk=complaint.pk)
        except workflow.TransitionNotAllowed as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            messages.success(request, _("De fase is gewijzigd."))
            return redirect("complaints:detail", pk=complaint.pk)
    return _render_detail(request, complaint, move_form=form)


def _simple_post(
    request: HttpRequest,
    pk: int,
    what: str,
    form_class: type[django_forms.Form],
    form_name: str,
    save: Any,
    done: str,
) -> HttpResponse:
    complaint = _reachable(request, pk)
    _allowed(request, complaint, what)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            save(complaint, form.cleaned_data)
        except workflow.TransitionNotAllowed as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, done)
            return redirect("complaints:detail", pk=complaint.pk)
    return _render_detail(request, complaint, **{form_name: form})


@never_cache
@require_POST
@permission_required("complaints.view")
def element_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple_post(
        request,
        pk,
        "work",
        ElementForm,
        "element_form",
        lambda c, d: services.element_add(
            complaint=c, actor=request.user, category=d["category"], summary=d["summary"], request=request
        ),
        _("Het klachtonderdeel is toegevoegd."),
    )


@never_cache
@require_POST
@permission_required("complaints.view")
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple_post(
        request,
        pk,
        "work",
        ContactAttemptForm,
        "contact_form",
        lambda c, d: services.contact_attempt_add(
            complaint=c, actor=request.user, kind=d["kind"], on=d["on"], outcome=d["outcome"], request=request
        ),
        _("De contactpoging is vastgelegd."),
    )


@never_cache
@require_POST
@permission_required("complaints.view")
def point_add(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _reachable(request, pk)
    if complaint.stage != Stage.COMMITTEE:
        _allowed(request, complaint, "advise")
        messages.error(request, _("Extra punten worden vastgelegd als de klacht bij de commissie ligt."))
        return redirect("complaints:detail", pk=complaint.pk)
    return _simple_post(
        request,
        pk,
        "advise",
        PointForm,
        "point_form",
        lambda c, d: services.committee_point_add(complaint=c, actor=request.user, text=d["text"], request=request),
        _("Het extra punt is vastgelegd."),
    )


@never_cache
@require_POST
@permission_required("complaints.view")
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple_post(
        request,
        pk,
        "work",
        DocumentForm,
        "document_form",
        lambda c, d: services.document_add(
            complaint=c,
            actor=request.user,
            kind=d["kind"],
            upload=d["file"],
            content_type=d["content_type"],
            request=request,
        ),
        _("Het stuk is toegevoegd."),
    )


@never_cache
@require_GET
@permission_required("complaints.view")
def document(request: HttpRequest, pk: int) -> FileResponse:
    """A document as a download (never shown in the browser), only for who reaches its complaint."""
    item = get_object_or_404(
        Document.objects.select_related("complaint", "complaint__complainant").filter(
            complaint__in=selectors.complaints_for(request.user).values("pk")
        ),
        pk=pk,
    )
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    audit.log_read(request, item, person=item.complaint.complainant)
    response = FileResponse(handle, as_attachment=True, filename=item.original_name, content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _element_forms(request: HttpRequest, complaint: Complaint, form_class: Any) -> list[Any]:
    data = request.POST if request.method == "POST" else None
    return [form_class(data, element=element) for element in complaint.elements.select_related("category")]


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("complaints.view")
def advice(request: HttpRequest, pk: int) -> HttpResponse:
    """The committee's advice per element, and its extra points (on the complaint page)."""
    complaint = _reachable(request, pk)
    _allowed(request, complaint, "advise")
    if complaint.stage != Stage.COMMITTEE:
        messages.error(request, _("Het advies wordt vastgelegd als de klacht bij de commissie ligt."))
        return redirect("complaints:detail", pk=complaint.pk)
    element_forms = _element_forms(request, complaint, AdviceForm)
    if request.method == "POST" and all([f.is_valid() for f in element_forms]):
        services.advice_record(
            complaint=complaint,
            actor=request.user,
            advice={f.element.pk: (f.cleaned_data["advice"], f.cleaned_data["note"]) for f in element_forms},
            request=request,
        )
        messages.success(request, _("Het advies van de commissie is vastgelegd."))
        return redirect("complaints:detail", pk=complaint.pk)
    audit.log_read(request, complaint, person=complaint.complainant)
    return render(request, "complaints/advice.html", {"complaint": complaint, "forms": element_forms})


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("complaints.view")
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision per element: adopt the advice, or deviate with a written reason at that element."""
    complaint = _reachable(request, pk)
    _allowed(request, complaint, "decide")
    if complaint.stage != Stage.DECISION:
        messages.error(request, _("Het besluit wordt vastgelegd als de klacht in de fase besluit is."))
        return redirect("complaints:detail", pk=complaint.pk)
    element_forms = _element_forms(request, complaint, DecisionForm)
    if request.method == "POST" and all([f.is_valid() for f in element_forms]):
        try:
            services.decision_record(
                complaint=complaint,
                actor=request.user,
                decisions={f.element.pk: (f.cleaned_data["verdict"], f.cleaned_data["reason"]) for f in element_forms},
                request=request,
            )
        except services.InvalidDecision as refused:
            form = next(f for f in element_forms if f.element.pk == refused.element_id)
            form.add_error(refused.field, refused.message)
        else:
            messages.success(request, _("Het besluit is vastgelegd."))
            return redirect("complaints:detail", pk=complaint.pk)
    audit.log_read(request, complaint, person=complaint.complainant)
    return render(request, "complaints/decision.html", {"complaint": complaint, "forms": element_forms})


# --- The complainant and the decision-maker -------------------------------------------------


@never_cache
@require_GET
@permission_required("complaints.own")
def mine(request: HttpRequest) -> HttpResponse:
    own = list(selectors.own_complaints(request.user))
    to_decide = list(selectors.complaints_to_decide(request.user))
    audit.log_reads(request, [*own, *to_decide])
    return render(request, "complaints/mine.html", {"own": own, "to_decide": to_decide})


@never_cache
@require_GET
@permission_required("complaints.own")
def status(request: HttpRequest, pk: int) -> HttpResponse:
    """The complainant's view of their own complaint: the stage and the dates, nothing else."""
    complaint = selectors.own_complaints(request.user).filter(pk=pk).first()
    if complaint is None:
        raise Http404
    audit.log_read(request, complaint, person=complaint.complainant)
    return render(request, "complaints/status.html", {"status": presentation.complaint_status(complaint)})


# --- Coordination ---------------------------------------------------------------------------


@never_cache
@require_GET
@permission_required("complaints.coordinate")
def lead_times(request: HttpRequest) -> HttpResponse:
    units = access.complaints_unit_ids(request.user, Role.KLACHTCOORDINATOR)
    return render(request, "complaints/lead_times.html", {"units": selectors.lead_times(units)})


@never_cache
@require_GET
@permission_required("complaints.statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "complaints/statistics.html",
        {"years": selectors.statistics(), "threshold": selectors.anonymity_threshold()},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("complaints.coordinate")
def categories(request: HttpRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None, prefix="nieuw")
    if request.method == "POST" and form.is_valid():
        services.category_save(category=form.instance, actor=request.user, request=request)
        messages.success(request, _("De soort klacht is toegevoegd."))
        return redirect("complaints:categories")
    context = {"categories": Category.objects.all(), "form": form}
    return render(request, "complaints/categories.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("complaints.coordinate")
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    category = get_object_or_404(Category, pk=pk)
    name = category.name  # the title keeps the stored name while the form shows what was typed
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        services.category_save(category=form.instance, actor=request.user, request=request)
        messages.success(request, _("De soort klacht is opgeslagen."))
        return redirect("complaints:categories")
    return render(request, "complaints/category_edit.html", {"form": form, "name": name})
