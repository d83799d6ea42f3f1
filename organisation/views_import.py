"""HR import upload page: check (or import) an HR export and show per-row errors and a summary."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from access import permission_required
from organisation import services
from organisation.forms import HrImportForm
from organisation.hr_csv import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from organisation.models import Person

#: How many changed people the page lists; the counts in the summary are always complete.
CHANGES_SHOWN = 200


@require_http_methods(["GET", "POST"])
@permission_required("organisation.import")
def hr_import(request: HttpRequest) -> HttpResponse:
    report = None
    form = HrImportForm(request.POST, request.FILES) if request.method == "POST" else HrImportForm()
    if form.is_bound and form.is_valid():
        report = services.hr_import_run(
            data=form.cleaned_data["file"].read(),
            actor=request.user,
            dry_run=form.cleaned_data["dry_run"],
            request=request,
        )
        for error in report.file_errors:
            form.add_error("file", str(error))
    context = {
        "form": form,
        "report": report if report is not None and not report.file_errors else None,
        "changes": _changes_for_display(report),
        "required_columns": REQUIRED_COLUMNS,
        "optional_columns": OPTIONAL_COLUMNS,
    }
    return render(request, "organisation/hr_import.html", context)


def _changes_for_display(report: services.HrImportReport | None) -> list[dict[str, Any]]:
    if report is None or not report.ok:
        return []
    labels = {name: str(getattr(Person._meta.get_field(name), "verbose_name", name)) for name in services.PERSON_FIELDS}
    return [
        {"change": change, "fields": ", ".join(labels[name] for name in change.fields)}
        for change in report.changes[:CHANGES_SHOWN]
    ]
