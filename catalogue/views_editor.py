"""The editor under /zorgwijzer/beheer/: the inhoudsbeheerder prepares the next edition as a
concept, previews provisions as visitors will see them, and publishes the edition.

Thin views: the rules (what may change, what a provision needs) are in catalogue/services.py.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from access import permission_required
from catalogue import selectors, services, workflow
from catalogue.compare import compare_editions
from catalogue.constants import EditionStatus
from catalogue.forms_editor import (
    CHANNEL_PREFIX,
    ConfirmForm,
    EditionCreateForm,
    ProvisionForm,
    channel_formset,
    channels_of,
)
from catalogue.models import Edition, Provision
from catalogue.views import detail_context

MANAGE = "content.manage"


def _home(request: HttpRequest, form: EditionCreateForm) -> HttpResponse:
    editions = Edition.objects.annotate(
        provision_count=Count("provisions", filter=Q(provisions__parent__isnull=True))
    ).order_by("status", "-published_at", "-code")
    context = {"editions": editions, "form": form, "current": selectors.current_edition()}
    return render(request, "catalogue/editor_home.html", context)


@permission_required(MANAGE)
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return _home(request, EditionCreateForm(initial={"source": selectors.current_edition()}))


@permission_required(MANAGE)
@require_POST
def edition_create(request: HttpRequest) -> HttpResponse:
    form = EditionCreateForm(request.POST)
    if form.is_valid():
        try:
            edition = services.edition_create_from(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De nieuwe editie is gemaakt als concept."))
            return redirect("catalogue:editor_edition", code=edition.code)
    return _home(request, form)


@permission_required(MANAGE)
@require_GET
def edition_detail(request: HttpRequest, code: str) -> HttpResponse:
    edition = get_object_or_404(Edition, code=code)
    current = selectors.current_edition()
    compare_with = current if current is not None and current.pk != edition.pk else None
    context = {
        "edition": edition,
        "editable": workflow.is_editable(edition.status),
        "provisions": selectors.provisions(edition),
        "history": edition.status_changes.all(),
        "compare_with": compare_with,
        "comparison": compare_editions(compare_with, edition) if compare_with else None,
    }
    return render(request, "catalogue/editor_edition.html", context)


def _edition(code: str) -> Edition:
    return get_object_or_404(Edition, code=code)


def _refuse_published(request: HttpRequest, edition: Edition) -> HttpResponse:
    messages.error(request, _("Een gepubliceerde editie kan niet meer worden gewijzigd. Maak een nieuwe editie."))
    return redirect("catalogue:editor_edition", code=edition.code)


@permission_required(MANAGE)
@require_http_methods(["GET", "POST"])
def provision_create(request: HttpRequest, code: str) -> HttpResponse:
    return _provision_form(request, _edition(code), None)


@permission_required(MANAGE)
@require_http_methods(["GET", "POST"])
def provision_edit(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    edition = _edition(code)
    return _provision_form(request, edition, get_object_or_404(Provision, edition=edition, slug=slug))


def _provision_form(request: HttpRequest, edition: Edition, provision: Provision | None) -> HttpResponse:
    if not workflow.is_editable(edition.status):
        return _refuse_published(request, edition)
    if request.method != "POST":
        form = ProvisionForm(edition=edition, provision=provision)
        channels = channel_formset(provision=provision)
    else:
        form = ProvisionForm(request.POST, edition=edition, provision=provision)
        # A POST without the channel rows (an older form, a script) leaves the channels as they are.
        posted_channels = f"{CHANNEL_PREFIX}-TOTAL_FORMS" in request.POST
        channels = channel_formset(request.POST if posted_channels else None, provision=provision)
        action = request.POST.get("actie", "opslaan")
        valid = form.is_valid() & (channels.is_valid() or not posted_channels)  # & : every field gets its message
        data = {**form.cleaned_data, "channels": channels_of(channels) if posted_channels else None} if valid else {}
        if valid and action == "voorbeeld":
            preview = _preview(request, edition, provision, form, data, channels if posted_channels else None)
            if preview is not None:
                return preview
        elif valid and action == "opslaan":
            try:
                saved = services.provision_save(actor=request.user, edition=edition, data=data, provision=provision)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, _("%(name)s is opgeslagen.") % {"name": saved.name})
                return redirect("catalogue:editor_edition", code=edition.code)
    context = {"edition": edition, "provision": provision, "form": form, "channels": channels}
    return render(request, "catalogue/editor_provision_form.html", context)


def _preview(
    request: HttpRequest,
    edition: Edition,
    provision: Provision | None,
    form: ProvisionForm,
    data: dict[str, Any],
    channels: Any,
) -> HttpResponse | None:
    """Render the public detail page for the provision as if it were saved, then roll back.

    Saving inside a rolled-back transaction applies exactly the rules of a real save and gives the
    public template a real provision (with tags and links); nothing is kept, nothing is audited.
    """
    try:
        with transaction.atomic():
            saved = services.provision_save(actor=request.user, edition=edition, data=data, provision=provision)
            shown = selectors.provision(edition, saved.slug)
            assert shown is not None
            context = {
                **detail_context(request, edition, shown),
                "form": form,
                "channels": channels,
                "editing": provision,
                "units": None,  # no unit choice in a preview: it would leave the editor
            }
            response = render(request, "catalogue/editor_preview.html", context)
            transaction.set_rollback(True)
    except ValidationError as error:
        form.add_service_errors(error)
        return None
    return response


@permission_required(MANAGE)
@require_http_methods(["GET", "POST"])
def provision_delete(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    edition = _edition(code)
    provision = get_object_or_404(Provision, edition=edition, slug=slug)
    if not workflow.is_editable(edition.status):
        return _refuse_published(request, edition)
    if request.method == "POST":
        services.provision_delete(actor=request.user, provision=provision)
        messages.success(request, _("%(name)s is verwijderd uit deze editie.") % {"name": provision.name})
        return redirect("catalogue:editor_edition", code=edition.code)
    context = {
        "edition": edition,
        "form": ConfirmForm(),
        "title": _("%(name)s verwijderen?") % {"name": provision.name},
        "question": _("De voorziening en haar onderdelen verdwijnen uit deze concept-editie."),
        "button": _("Ja, verwijderen"),
    }
    return render(request, "catalogue/editor_confirm.html", context)


@permission_required(MANAGE)
@require_http_methods(["GET", "POST"])
def edition_publish(request: HttpRequest, code: str) -> HttpResponse:
    edition = _edition(code)
    if not workflow.can_move(edition.status, EditionStatus.GEPUBLICEERD):
        return _refuse_published(request, edition)
    if request.method == "POST":
        services.edition_publish(actor=request.user, edition=edition)
        messages.success(request, _("%(title)s is gepubliceerd.") % {"title": edition.title})
        return redirect("catalogue:editor_edition", code=edition.code)
    context = {
        "edition": edition,
        "form": ConfirmForm(),
        "title": _("%(title)s publiceren?") % {"title": edition.title},
        "question": _(
            "Bezoekers zien daarna deze editie. De vorige editie blijft leesbaar bij de eerdere edities. "
            "Een gepubliceerde editie kun je niet meer wijzigen."
        ),
        "button": _("Ja, publiceren"),
    }
    return render(request, "catalogue/editor_confirm.html", context)
