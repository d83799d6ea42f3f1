"""The anonymous two-way line. The reporter's pages need no login, store nothing about the
visitor, write no request log line (``unlogged``) and carry the receipt only in POST bodies,
never in an address. The vertrouwenspersoon's pages need their login and their passphrase."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from access import permission_required, public_page
from confidential import line, selectors
from confidential.forms import (
    LineReportForm,
    PassphraseForm,
    PassphraseSetupForm,
    ReceiptForm,
    RecipientReplyForm,
    ReporterReplyForm,
)
from confidential.models import LineReport
from core.audit import log_read
from core.middleware import unlogged


def _attachment(form: Any) -> line.Attachment | None:
    upload = form.cleaned_data.get("attachment")
    if not upload:
        return None
    try:
        return line.clean_image(upload)
    except line.LineError as error:
        form.add_error("attachment", error.message)
        return None


def _file(attachment: line.Attachment) -> HttpResponse:
    response = HttpResponse(attachment.data, content_type=attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="{attachment.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- The reporter -------------------------------------------------------------------------------


@never_cache
@unlogged
@public_page
@require_http_methods(["GET", "POST"])
def line_start(request: HttpRequest) -> HttpResponse:
    units = selectors.line_units()
    form = LineReportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        units=units,
    )
    if request.method == "POST" and form.is_valid():
        if not line.unlock_budget_take():
            form.add_error(None, line.BUSY)
            return render(request, "confidential/line_start.html", {"form": form, "available": True}, status=429)
        attachment = _attachment(form)
        if not form.errors:
            try:
                _report, receipt = line.report_create(
                    route=form.cleaned_data["route"],
                    unit=form.cleaned_data["unit"],
                    text=form.cleaned_data["text"],
                    forwarding=form.cleaned_data["forwarding"],
                    attachment=attachment,
                )
            except line.LineError as error:
                form.add_error(error.field, error.message)
            else:
                # Shown once, in the answer to this POST: never in an address, never stored.
                return render(request, "confidential/line_receipt.html", {"receipt": receipt})
    return render(request, "confidential/line_start.html", {"form": form, "available": bool(units)})


def _conversation(
    request: HttpRequest, opened: tuple[LineReport, bytes], receipt: str, form: Any = None
) -> HttpResponse:
    report, private_key = opened
    conversation = line.read_messages(report, party=line.REPORTER, private_key=private_key)
    form = form or ReporterReplyForm(initial={"receipt": receipt, "forwarding": report.forwarding})
    context = {"report": report, "conversation": conversation, "form": form, "receipt": receipt}
    return render(request, "confidential/line_conversation.html", context)


@never_cache
@unlogged
@public_page
@require_http_methods(["GET", "POST"])
def line_read(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        receipt = form.cleaned_data["receipt"]
        if not line.unlock_budget_take():
            form.add_error("receipt", line.BUSY)
            return render(request, "confidential/line_read.html", {"form": form}, status=429)
        opened = line.report_open(receipt)
        if opened is not None:
            return _conversation(request, opened, receipt)
        form.add_error(
            "receipt",
            _(
                "We vinden geen melding met deze code. Controleer de code; "
                "na een lange stilte kan de melding gewist zijn."
            ),
        )
    return render(request, "confidential/line_read.html", {"form": form})


@never_cache
@unlogged
@public_page
@require_POST
def line_reply(request: HttpRequest) -> HttpResponse:
    form = ReporterReplyForm(request.POST, request.FILES or None)
    receipt = request.POST.get("receipt", "")
    if not line.unlock_budget_take():
        # The reply stays in the form (the photo has to be chosen again), ready to send again.
        form.is_valid()
        form.errors.clear()
        form.add_error(None, line.BUSY)
        return render(request, "confidential/line_busy.html", {"form": form}, status=429)
    opened = line.report_open(receipt)
    if opened is None:
        expired = ReceiptForm({"receipt": ""})
        expired.errors.clear()
        expired.add_error("receipt", _("Deze meldcode klopt niet (meer). Vul hem opnieuw in."))
        return render(request, "confidential/line_read.html", {"form": expired})
    if form.is_valid():
        attachment = _attachment(form)
        if not form.errors:
            try:
                line.reporter_reply(
                    report=opened[0],
                    text=form.cleaned_data["text"],
                    forwarding=form.cleaned_data["forwarding"],
                    attachment=attachment,
                )
            except line.LineError as error:
                form.add_error(None, error.message)
            else:
                opened = line.report_open(receipt) or opened
                return _conversation(request, opened, receipt)
    return _conversation(request, opened, receipt, form)


@never_cache
@unlogged
@public_page
@require_POST
def line_attachment(request: HttpRequest) -> HttpResponse:
    if not line.unlock_budget_take():
        return render(request, "confidential/line_busy.html", {"form": None}, status=429)
    opened = line.report_open(request.POST.get("receipt", ""))
    position = request.POST.get("bericht", "")
    if opened is None or not position.isdigit():
        raise Http404
    attachment = line.read_attachment(opened[0], position=int(position), party=line.REPORTER, private_key=opened[1])
    if attachment is None:
        raise Http404
    return _file(attachment)


# --- The vertrouwenspersoon ---------------------------------------------------------------------


@permission_required("confidential.vertrouwenspersoon")
def line_inbox(request: HttpRequest) -> HttpResponse:
    context = {"reports": list(selectors.line_reports_for(request.user)), "key": selectors.recipient_key(request.user)}
    return render(request, "confidential/line_inbox.html", context)


@permission_required("confidential.vertrouwenspersoon")
@require_http_methods(["GET", "POST"])
def line_key(request: HttpRequest) -> HttpResponse:
    if selectors.recipient_key(request.user) is not None:
        return redirect("confidential:line_inbox")
    form = PassphraseSetupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            line.recipient_setup(user=request.user, passphrase=form.cleaned_data["passphrase"])
        except line.LineError as error:
            form.add_error("passphrase", error.message)
        else:
            return redirect("confidential:line_inbox")
    return render(request, "confidential/line_key.html", {"form": form})


def _recipient_report(request: HttpRequest, pk: int) -> LineReport:
    report = selectors.line_report_for(request.user, pk)
    if report is None:
        raise Http404
    return report


@never_cache
@permission_required("confidential.vertrouwenspersoon")
@require_http_methods(["GET", "POST"])
def line_report(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the unlock form. POST: unlock with the passphrase, optionally write, record the option
    or close, and show the conversation (decrypted for this response only)."""
    report = _recipient_report(request, pk)
    form = RecipientReplyForm(
        request.POST if request.method == "POST" else None, initial={"support_option": report.support_option}
    )
    conversation = None
    if request.method == "POST" and form.is_valid():
        try:
            private_key = line.recipient_unlock(user=request.user, passphrase=form.cleaned_data["passphrase"])
        except line.LineError as error:
            form.add_error("passphrase", error.message)
        else:
            data = form.cleaned_data
            try:
                line.recipient_reply(
                    report=report,
                    user=request.user,
                    text=data["text"],
                    support_option=data["support_option"] or None,
                    close=data["close"],
                )
            except line.LineError as error:
                form.add_error(None, error.message)
            report.refresh_from_db()
            conversation = line.read_messages(report, party=str(request.user.pk), private_key=private_key)
            log_read(request, report)
            if not form.errors:
                form = RecipientReplyForm(initial={"support_option": report.support_option})
    context = {"report": report, "form": form, "conversation": conversation}
    return render(request, "confidential/line_report.html", context)


@never_cache
@permission_required("confidential.vertrouwenspersoon")
@require_POST
def line_report_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    report = _recipient_report(request, pk)
    form = PassphraseForm(request.POST)
    position = request.POST.get("bericht", "")
    if not form.is_valid() or not position.isdigit():
        raise Http404
    try:
        private_key = line.recipient_unlock(user=request.user, passphrase=form.cleaned_data["passphrase"])
    except line.LineError as error:
        raise Http404 from error
    attachment = line.read_attachment(
        report, position=int(position), party=str(request.user.pk), private_key=private_key
    )
    if attachment is None:
        raise Http404
    log_read(request, report)
    return _file(attachment)
