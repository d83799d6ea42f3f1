"""The editor of the aftercare templates and event types (/nazorg/sjablonen/), for the
functioneel beheerder. Saving a template writes a new version; running plans keep theirs."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from access import permission_required
from aftercare import selectors, services
from aftercare.forms import EventTypeForm, TemplateForm, TemplateStepFormSet
from aftercare.models import EventType, PlanTemplate


@never_cache
@require_http_methods(["GET"])
@permission_required("aftercare.templates")
def template_list(request: HttpRequest) -> HttpResponse:
    templates = list(selectors.current_templates())
    names = {t.code: t.display_name for t in templates}
    event_types = list(EventType.objects.order_by("category", "position", "name"))
    rows = [
        (event_type, names.get(event_type.template_code) or _("Het standaardsjabloon")) for event_type in event_types
    ]
    return render(request, "aftercare/editor_list.html", {"templates": templates, "event_types": rows})


def _current_or_404(code: str) -> PlanTemplate:
    template = PlanTemplate.objects.filter(code=code, is_current=True).prefetch_related("steps").first()
    if template is None:
        raise Http404
    return template


def _step_rows(formset: Any) -> list[dict[str, Any]]:
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not data or data.get("DELETE"):
            continue
        rows.append({k: v for k, v in data.items() if k != "DELETE"})
    return sorted(rows, key=lambda row: row["due_after_hours"])


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("aftercare.templates")
def template_edit(request: HttpRequest, code: str) -> HttpResponse:
    template = _current_or_404(code)
    status = 200
    if request.method == "POST":
        form = TemplateForm(request.POST)
        formset = TemplateStepFormSet(request.POST, prefix="stap")
        if form.is_valid() and formset.is_valid():
            try:
                # The version the editor opened: someone may have saved a newer one meanwhile.
                if request.POST.get("versie") != str(template.version):
                    raise services.StalePlan
                new = services.template_new_version(
                    template=template,
                    name=form.cleaned_data["name"],
                    name_en=form.cleaned_data["name_en"],
                    steps=_step_rows(formset),
                    actor=request.user,
                    request=request,
                )
            except services.InvalidChoice as error:
                formset._non_form_errors = formset.error_class([str(error)])  # type: ignore[attr-defined]
            except services.StalePlan:
                form.add_error(
                    None,
                    _(
                        "Iemand anders heeft dit sjabloon opgeslagen nadat je het opende. Je wijziging is niet "
                        "opgeslagen. Hieronder staat de nieuwe versie; je invoer staat nog in het formulier."
                    ),
                )
                status = 409
            else:
                messages.success(
                    request,
                    _("Versie %(version)s is opgeslagen. Nieuwe plannen gebruiken deze versie; lopende plannen niet.")
                    % {"version": new.version},
                )
                return redirect("aftercare:template_edit", code=new.code)
    else:
        form = TemplateForm(initial={"name": template.name, "name_en": template.name_en})
        formset = TemplateStepFormSet(
            prefix="stap",
            initial=[
                {
                    "kind": s.kind,
                    "owner": s.owner,
                    "due_after_hours": s.due_after_hours,
                    "title": s.title,
                    "title_en": s.title_en,
                    "only_when": s.only_when,
                }
                for s in template.steps.all()
            ],
        )
    context = {
        "template": template,
        "form": form,
        "formset": formset,
        "versions": selectors.template_versions(template.code),
    }
    return render(request, "aftercare/editor_template.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("aftercare.templates")
def event_type_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event_type = EventType.objects.filter(pk=pk).first()
    if event_type is None:
        raise Http404
    templates = [(t.code, t.display_name) for t in selectors.current_templates() if not t.is_default]
    if request.method == "POST":
        form = EventTypeForm(request.POST, templates=templates)
        if form.is_valid():
            services.event_type_update(event_type=event_type, actor=request.user, request=request, **form.cleaned_data)
            messages.success(request, _("De soort gebeurtenis is opgeslagen."))
            return redirect("aftercare:templates")
    else:
        form = EventTypeForm(
            initial={
                "name": event_type.name,
                "name_en": event_type.name_en,
                "template_code": event_type.template_code,
                "is_active": event_type.is_active,
            },
            templates=templates,
        )
    return render(request, "aftercare/editor_event_type.html", {"event_type": event_type, "form": form})
