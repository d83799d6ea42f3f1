"""Every write of the recognition app: jubilees arranged, nominations, Blauw Harten, page editions.
Each is one transaction with its audit row."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import audit, links
from core.models import AuditAction
from organisation.models import OrgNode, Person
from recognition import selectors
from recognition.constants import Milestone, NominationStatus
from recognition.jubilees import jubilee_on, medal_for
from recognition.models import BlueHeart, Jubilee, MedalNomination, PageEdition, TeamAwardNomination

logger = logging.getLogger("zorgwijzer.recognition")

#: Which status may follow which (the leadership moves a nomination on; the last two are final).
NEXT_STATUS: dict[str, frozenset[str]] = {
    NominationStatus.SUBMITTED: frozenset({NominationStatus.IN_REVIEW, NominationStatus.DECLINED}),
    NominationStatus.IN_REVIEW: frozenset({NominationStatus.FORWARDED, NominationStatus.DECLINED}),
    NominationStatus.FORWARDED: frozenset(),
    NominationStatus.DECLINED: frozenset(),
}


@transaction.atomic
def jubilee_mark_arranged(*, person: Person, milestone: Milestone, actor: Any, request: Any = None) -> Jubilee:
    """The manager records that the jubilee (medal or legpenning, the moment itself) is arranged."""
    if person.service_start_date is None:
        raise ValidationError(_("Van deze medewerker is de datum in dienst niet bekend."))
    on = jubilee_on(person.service_start_date, milestone)
    jubilee, _created = Jubilee.objects.select_for_update().get_or_create(
        person=person,
        milestone=milestone,
        defaults={"on": on, "medal": medal_for(person.appointment_type) or ""},
    )
    if jubilee.arranged_at is None:
        jubilee.on = on
        jubilee.arranged_at = timezone.now()
        jubilee.arranged_by = actor
        jubilee.save(update_fields=["on", "arranged_at", "arranged_by"])
        audit.log_change(actor=actor, obj=jubilee, person=person, fields=["arranged_at"], request=request)
    return jubilee


@transaction.atomic
def medal_nomination_submit(*, nominator: Person, nominee: Person, reason: str, request: Any = None) -> MedalNomination:
    """A colleague or manager nominates someone; the unit's leadership gets one mail (no names)."""
    if nominee.pk == nominator.pk:
        raise ValidationError(_("Je kunt jezelf niet voordragen."))
    if nominee.team is None:
        raise ValidationError(_("Deze collega hoort niet bij een team in Zorgwijzer."))
    nomination = MedalNomination.objects.create(
        nominator=nominator, nominee=nominee, unit_id=nominee.team.unit_id, reason=reason
    )
    audit.log_change(actor=nominator.user, obj=nomination, action=AuditAction.CREATE, person=nominee, request=request)
    addresses = [p.email for p in selectors.unit_leadership(nomination.unit_id) if p.email and p.pk != nominee.pk]
    transaction.on_commit(
        lambda: _mail(addresses, _("Zorgwijzer: een voordracht voor de Eremedaille"), "recognition:unit_nominations")
    )
    return nomination


@transaction.atomic
def medal_nomination_set_status(
    *, nomination: MedalNomination, status: str, actor: Any, request: Any = None
) -> MedalNomination:
    locked = MedalNomination.objects.select_for_update().get(pk=nomination.pk)
    if status not in NEXT_STATUS[locked.status]:
        raise ValidationError(_("Deze stap kan nu niet."), code="status")
    locked.status = status
    locked.status_changed_at = timezone.now()
    locked.save(update_fields=["status", "status_changed_at"])
    audit.log_change(actor=actor, obj=locked, person=locked.nominee, fields=["status"], request=request)
    return locked


@transaction.atomic
def team_award_nominate(*, nominator: Person, team: OrgNode, reason: str, request: Any = None) -> TeamAwardNomination:
    nomination = TeamAwardNomination.objects.create(nominator=nominator, team=team, reason=reason)
    audit.log_change(actor=nominator.user, obj=nomination, action=AuditAction.CREATE, request=request)
    return nomination


@transaction.atomic
def blue_heart_send(*, sender: Person, receiver: Person, message: str, request: Any = None) -> BlueHeart:
    """A thank-you for a colleague; hidden from their manager until the receiver shares it."""
    if sender.pk == receiver.pk:
        raise ValidationError(_("Je kunt jezelf geen Blauw Hart sturen."))
    heart = BlueHeart.objects.create(sender=sender, receiver=receiver, message=message)
    audit.log_change(actor=sender.user, obj=heart, action=AuditAction.CREATE, person=receiver, request=request)
    address = receiver.email
    if address:
        transaction.on_commit(
            lambda: _mail([address], _("Zorgwijzer: je hebt een Blauw Hart gekregen"), "recognition:blue_hearts")
        )
    return heart


@transaction.atomic
def blue_heart_share(*, heart: BlueHeart, shared: bool, actor: Any, request: Any = None) -> BlueHeart:
    """Only the receiver calls this (the view checks): show or hide the thank-you for their manager."""
    BlueHeart.objects.filter(pk=heart.pk).update(shared_with_manager=shared)
    heart.shared_with_manager = shared
    audit.log_change(actor=actor, obj=heart, person=heart.receiver, fields=["shared_with_manager"], request=request)
    return heart


@transaction.atomic
def page_edition_add(*, current: PageEdition, fields: dict[str, Any], actor: Any, request: Any = None) -> PageEdition:
    """A new edition of a page with the edited fields; the earlier editions stay as history."""
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if not changed:
        return current
    latest = PageEdition.objects.select_for_update().filter(slug=current.slug).order_by("-edition").first()
    number = (latest.edition if latest else current.edition) + 1
    values = {name: getattr(current, name) for name in ("section", "order", "title", "summary", "body", "how_to_join")}
    values.update(fields)
    edition = PageEdition.objects.create(slug=current.slug, edition=number, created_by=actor, **values)
    audit.log_change(actor=actor, obj=edition, action=AuditAction.CREATE, fields=changed, request=request)
    return edition


def _mail(addresses: list[str], subject: str, url_name: str) -> None:
    """Only a pointer to Zorgwijzer: no names and no content in the mail."""
    body = _("Er staat iets voor je klaar in Zorgwijzer: %(link)s") % {"link": links.absolute(url_name)}
    for address in addresses:
        try:
            send_mail(subject, body, None, [address])
        except Exception as error:  # one failing address must not stop the others
            logger.warning(
                "recognition e-mail not sent",
                extra={"event": "recognition_email_failed", "error": type(error).__name__},
            )
