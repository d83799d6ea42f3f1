"""Pages of Waardering en erkenning: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import access
from core import audit
from core.models import AuditAction
from organisation.models import Person
from recognition import forms, presentation, selectors, services
from recognition.constants import Milestone, Section
from recognition.jubilees import next_jubilee
from recognition.models import BlueHeart
from recognition.services import NEXT_STATUS


def _me(request: HttpRequest) -> Person:
    person = access.own_person(request.user)
    if person is None:
        raise Http404
    return person


@access.permission_required("recognition.view")
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    person = access.own_person(request.user)
    own = None
    if person is not None:
        own = presentation.own_jubilee(
            next_jubilee(person.service_start_date, person.appointment_type, today), selectors.horizon(today)
        )
    pages = selectors.current_pages()
    sections = [(label, [page for page in pages if page.section == value]) for value, label in Section.choices]
    return render(request, "recognition/index.html", {"own": own, "sections": sections})


@access.permission_required("recognition.view")
@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.current_page(slug)
    if found is None:
        raise Http404
    return render(request, "recognition/page.html", {"page": found, "paragraphs": found.body.split("\n\n")})


@access.permission_required("recognition.team")
@require_GET
def team(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    found = selectors.people_with_jubilee_between(today, selectors.horizon(today), selectors.team_people(request.user))
    rows = presentation.jubilee_rows(found, selectors.jubilee_records([person for person, _jubilee in found]))
    hearts = list(selectors.hearts_shared_with(request.user))
    # Thank-yous the receivers chose to show their manager: a read of each, with the receiver as subject.
    audit.record_many(
        entries=[audit.Entry(action=AuditAction.READ, obj=heart, person=heart.receiver) for heart in hearts],
        request=request,
    )
    return render(
        request, "recognition/team.html", {"rows": rows, "hearts": hearts, "horizon": selectors.horizon(today)}
    )


@access.permission_required("recognition.team")
@require_POST
def jubilee_arranged(request: HttpRequest, person_pk: int, milestone: int) -> HttpResponse:
    person = selectors.team_people(request.user).filter(pk=person_pk).first()
    if person is None or milestone not in Milestone.values:
        raise Http404
    try:
        services.jubilee_mark_arranged(
            person=person, milestone=Milestone(milestone), actor=request.user, request=request
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Het jubileum staat op geregeld."))
    return redirect("recognition:team")


@access.permission_required("recognition.view")
@require_http_methods(["GET", "POST"])
def medal_nominate(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    form = forms.MedalNominationForm(request.POST or None, me=me)
    if request.method == "POST" and form.is_valid():
        assert form.person is not None
        try:
            services.medal_nomination_submit(
                nominator=me, nominee=form.person, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as error:
            form.add_error("colleague", error)
        else:
            messages.success(request, _("Dank je wel. Je voordracht is naar de leiding van de eenheid gestuurd."))
            return redirect("recognition:my_nominations")
    return render(request, "recognition/medal_nominate.html", {"form": form})


@access.permission_required("recognition.view")
@require_GET
def my_nominations(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    context = {"medals": list(selectors.nominations_by(me)), "awards": list(selectors.team_awards_by(me))}
    return render(request, "recognition/my_nominations.html", context)


@access.permission_required("recognition.leadership")
@require_GET
def unit_nominations(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "recognition/unit_nominations.html",
        {"nominations": list(selectors.nominations_for_leadership(request.user))},
    )


@access.permission_required("recognition.leadership")
@require_http_methods(["GET", "POST"])
def nomination(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.nominations_for_leadership(request.user).filter(pk=pk).first()
    if found is None:
        raise Http404
    audit.log_read(request, found, person=found.nominee)
    form = forms.NominationStatusForm(request.POST or None, allowed=NEXT_STATUS[found.status])
    if request.method == "POST" and form.is_valid():
        try:
            services.medal_nomination_set_status(
                nomination=found, status=form.cleaned_data["status"], actor=request.user, request=request
            )
        except ValidationError as error:
            form.add_error("status", error)
        else:
            messages.success(request, _("De status is bijgewerkt."))
            return redirect("recognition:nomination", pk=found.pk)
    return render(
        request,
        "recognition/nomination.html",
        {"nomination": found, "form": form, "can_move": bool(NEXT_STATUS[found.status])},
    )


@access.permission_required("recognition.view")
@require_http_methods(["GET", "POST"])
def team_award_nominate(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    form = forms.TeamAwardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.team_award_nominate(
            nominator=me, team=form.cleaned_data["team"], reason=form.cleaned_data["reason"], request=request
        )
        messages.success(request, _("Dank je wel. Je voordracht voor de Team Award is ontvangen."))
        return redirect("recognition:my_nominations")
    return render(request, "recognition/team_award_nominate.html", {"form": form})


@access.permission_required("recognition.manage")
@require_GET
def team_awards(request: HttpRequest) -> HttpResponse:
    return render(request, "recognition/team_awards.html", {"nominations": list(selectors.all_team_awards())})


@access.permission_required("recognition.view")
@require_GET
def blue_hearts(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    context = {"received": list(selectors.hearts_received(me)), "sent": list(selectors.hearts_sent(me))}
    return render(request, "recognition/blue_hearts.html", context)


@access.permission_required("recognition.view")
@require_http_methods(["GET", "POST"])
def blue_heart_send(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    form = forms.BlueHeartForm(request.POST or None, me=me)
    if request.method == "POST" and form.is_valid():
        assert form.person is not None
        services.blue_heart_send(sender=me, receiver=form.person, message=form.cleaned_data["message"], request=request)
        messages.success(request, _("Je Blauw Hart is verstuurd."))
        return redirect("recognition:blue_hearts")
    return render(request, "recognition/blue_heart_send.html", {"form": form})


@access.permission_required("recognition.view")
@require_POST
def blue_heart_share(request: HttpRequest, pk: int) -> HttpResponse:
    me = _me(request)
    heart = BlueHeart.objects.filter(pk=pk, receiver=me).select_related("receiver").first()
    if heart is None:
        raise Http404
    shared = request.POST.get("delen") == "ja"
    services.blue_heart_share(heart=heart, shared=shared, actor=request.user, request=request)
    messages.success(
        request,
        _("Je leidinggevende kan dit Blauw Hart nu zien.")
        if shared
        else _("Je leidinggevende ziet dit Blauw Hart niet meer."),
    )
    return redirect("recognition:blue_hearts")


@access.permission_required("recognition.manage")
@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    return render(request, "recognition/manage.html", {"pages": selectors.current_pages()})


@access.permission_required("recognition.manage")
@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, slug: str) -> HttpResponse:
    current = selectors.current_page(slug)
    if current is None:
        raise Http404
    initial = {name: getattr(current, name) for name in ("section", "title", "summary", "body", "how_to_join")}
    form = forms.PageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        edition = services.page_edition_add(
            current=current, fields=form.cleaned_data, actor=request.user, request=request
        )
        if edition.pk == current.pk:
            messages.info(request, _("Er is niets veranderd; er is geen nieuwe editie gemaakt."))
        else:
            messages.success(request, _("Editie %(number)s is gepubliceerd.") % {"number": edition.edition})
        return redirect("recognition:page_history", slug=slug)
    return render(request, "recognition/page_edit.html", {"page": current, "form": form})


@access.permission_required("recognition.manage")
@require_GET
def page_history(request: HttpRequest, slug: str) -> HttpResponse:
    editions = list(selectors.page_history(slug))
    if not editions:
        raise Http404
    return render(request, "recognition/page_history.html", {"page": editions[0], "editions": editions})
