"""The Barista import page: upload a CSV file of exposures; see the counts, or every error per row.

Thin on purpose: reading, checking and writing are ``services_import.exposure_import_run``, the
same service the JSON API (``api.ExposureImportViewSet``) uses.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from access import permission_required
from barista import exposure_csv, services_import
from barista.forms import ImportForm
from barista.models import ExposureType

#: How many row errors the page lists; the rest is counted.
ERRORS_SHOWN = 500


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("barista.manage")
def import_file(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = services_import.exposure_import_run(
            data=form.cleaned_data["file"].read(), actor=request.user, request=request
        )
        _add_errors_to_form(form, report)
    errors = report.row_errors if report is not None else []
    return render(
        request,
        "barista/import.html",
        {
            "form": form,
            "errors": errors[:ERRORS_SHOWN],
            "more_errors": max(0, len(errors) - ERRORS_SHOWN),
            "result": report if report is not None and report.ok else None,
            "columns": exposure_csv.COLUMNS,
            "types": ExposureType.objects.filter(is_active=True).order_by("name"),
        },
    )


def _add_errors_to_form(form: ImportForm, report: services_import.ExposureImportReport) -> None:
    """File errors stand at the field; row errors are counted there and listed below the form."""
    for error in report.file_errors:
        form.add_error("file", str(error))
    if report.row_errors:
        message = ngettext(
            "Het bestand is niet ingelezen: %(count)s fout. Er is niets opgeslagen. "
            "Verbeter de rij hieronder en lever het hele bestand opnieuw aan.",
            "Het bestand is niet ingelezen: %(count)s fouten. Er is niets opgeslagen. "
            "Verbeter de rijen hieronder en lever het hele bestand opnieuw aan.",
            len(report.row_errors),
        ) % {"count": len(report.row_errors)}
        form.add_error("file", message)
