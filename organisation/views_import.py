"""HR import upload page: check (or import) an HR export and show per-row errors and a summary;
after a clean check, "Nu importeren" imports the file that was checked (``hr_import_confirm``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from access import permission_required
from organisation import services
from organisation.forms import HrImportConfirmForm, HrImportForm
from organisation.hr_csv import OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from organisation.models import Person

#: How many changed people the page lists; the counts in the summary are always complete.
CHANGES_SHOWN = 200


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required("organisation.import")
def hr_import(request: HttpRequest) -> HttpResponse:
    report = None
    confirmation = None
    form = HrImportForm(request.POST, request.FILES) if request.method == "POST" else HrImportForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = services.hr_import_run(
            data=data, actor=request.user, dry_run=form.cleaned_data["dry_run"], request=request
        )
        for error in report.file_errors:
            form.add_error("file", str(error))
        if report.dry_run and report.ok:
            confirmation = services.hr_import_check_keep(
                data=data, report=report, actor=request.user, file_name=getattr(upload, "name", "") or ""
            )
    return _page(request, form=form, report=report, confirmation=confirmation)


@never_cache
@require_POST
@permission_required("organisation.import")
def hr_import_confirm(request: HttpRequest) -> HttpResponse:
    """Import the file of a clean check; a tampered, expired or used confirmation is refused."""
    confirm = HrImportConfirmForm(request.POST)
    report = None
    refusal = None
    if not confirm.is_valid():
        refusal = _("Deze controle is niet (meer) geldig. Upload het bestand opnieuw en controleer het.")
    else:
        try:
            report = services.hr_import_confirm(
                token=confirm.cleaned_data["token"],
                checksum=confirm.cleaned_data["checksum"],
                actor=request.user,
                request=request,
            )
        except services.HrImportRefused as refused:
            refusal = refused.message
    # A refusal is the page with the reason (200, like a form with errors); nothing was written.
    return _page(request, form=HrImportForm(), report=report, refusal=refusal)


def _page(
    request: HttpRequest,
    *,
    form: HrImportForm,
    report: services.HrImportReport | None,
    confirmation: services.HrImportConfirmation | None = None,
    refusal: str | None = None,
) -> HttpResponse:
    context = {
        "form": form,
        "report": report if report is not None and not report.file_errors else None,
        "changes": _changes_for_display(report),
        "confirmation": confirmation,
        "confirm_form": HrImportConfirmForm(initial={"token": confirmation.token, "checksum": confirmation.checksum})
        if confirmation
        else None,
        "valid_minutes": services.HR_IMPORT_CHECK_VALID_MINUTES,
        "refusal": refusal,
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
