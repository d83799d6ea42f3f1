"""The anonymous two-way line: writes and decryption (docs/confidential.md, "The anonymous line").

The server stores only ciphertext. A vertrouwenspersoon unlocks their private key with their
passphrase for the one request that needs it; the reporter unlocks theirs with the receipt code.
Nothing here records who the reporter is: no user, no IP address, no user agent, dates only.
"""

from __future__ import annotations

import io
import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from confidential import crypto, selectors
from confidential.constants import Forwarding, LineAuthor, LineStatus, SupportOption
from confidential.models import LineAttachment, LineMessage, LineReport, RecipientKey
from core.audit import log_change
from core.models import AuditAction

logger = logging.getLogger("zorgwijzer.confidential")
REPORTER = "melder"
MIN_PASSPHRASE = 12


class LineError(Exception):
    def __init__(self, message: Any, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# --- Recipient keys ---------------------------------------------------------------------------


@transaction.atomic
def recipient_setup(*, user: Any, passphrase: str) -> RecipientKey:
    """A vertrouwenspersoon's key pair, locked with a passphrase they choose (never stored)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise LineError(_("Kies een wachtzin van minstens 12 tekens."), field="passphrase")
    if RecipientKey.objects.filter(user_id=user.pk).exists():
        raise LineError(_("Je hebt je sleutel al ingesteld."), field="passphrase")
    locked = crypto.new_locked_key(passphrase)
    key = RecipientKey.objects.create(
        user=user, public_key=locked.public_key, private_key_box=locked.private_key_box, salt=locked.salt
    )
    log_change(actor=user, obj=key, action=AuditAction.CREATE, fields=["public_key"])
    return key


def recipient_unlock(*, user: Any, passphrase: str) -> bytes:
    key = selectors.recipient_key(user)
    if key is None:
        raise LineError(_("Stel eerst je sleutel in."), field="passphrase")
    try:
        return crypto.unlock(passphrase, salt=key.salt, private_key_box=key.private_key_box)
    except crypto.DecryptionError as error:
        raise LineError(_("Deze wachtzin klopt niet."), field="passphrase") from error


# --- Attachments ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    data: bytes


def clean_image(upload: UploadedFile) -> Attachment:
    """Re-encode an image from its pixels only: EXIF (GPS, camera, owner), XMP and comments are
    gone. Only JPEG and PNG up to ``CONFIDENTIAL_LINE_ATTACHMENT_MAX_BYTES``."""
    limit = int(settings.CONFIDENTIAL_LINE_ATTACHMENT_MAX_BYTES)
    if upload.size is None or upload.size > limit:
        raise LineError(
            _("Deze afbeelding is te groot. Het maximum is %(mb)s MB.") % {"mb": limit // (1024 * 1024)},
            field="attachment",
        )
    try:
        with Image.open(upload) as image:
            if image.format not in ("JPEG", "PNG"):
                raise LineError(_("Voeg alleen een foto toe (JPEG of PNG)."), field="attachment")
            if image.width * image.height > 40_000_000:
                raise LineError(_("Deze afbeelding is te groot."), field="attachment")
            image.load()
            mode = "RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB"
            pixels = image.convert(mode)
            clean = Image.frombytes(mode, pixels.size, pixels.tobytes())  # pixels only, no info
            out = io.BytesIO()
            if image.format == "PNG" or mode == "RGBA":
                clean.save(out, format="PNG")
                return Attachment("bijlage.png", "image/png", out.getvalue())
            clean.save(out, format="JPEG", quality=90)
            return Attachment("bijlage.jpg", "image/jpeg", out.getvalue())
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise LineError(_("Dit bestand is geen foto die we kunnen lezen (JPEG of PNG)."), field="attachment") from error


def _pack(attachment: Attachment) -> bytes:
    header = json.dumps({"name": attachment.name, "type": attachment.content_type}).encode()
    return len(header).to_bytes(4, "big") + header + attachment.data


def _unpack(payload: bytes) -> Attachment:
    size = int.from_bytes(payload[:4], "big")
    header = json.loads(payload[4 : 4 + size])
    return Attachment(header["name"], header["type"], payload[4 + size :])


# --- Reports and messages -----------------------------------------------------------------------


def _today() -> date:
    return timezone.localdate()


def _add_message(report: LineReport, *, author: str, text: str, attachment: Attachment | None) -> LineMessage:
    """Encrypt ``text`` (and the attachment) once; seal the key to the reporter and each recipient."""
    key = crypto.new_message_key()
    position = (report.messages.aggregate(m=Max("position"))["m"] or 0) + 1
    envelopes = {REPORTER: crypto.seal_key(key, bytes(report.reporter_public_key)).hex()}
    for recipient in RecipientKey.objects.filter(user__in=report.recipients.all()):
        envelopes[str(recipient.user_id)] = crypto.seal_key(key, bytes(recipient.public_key)).hex()
    label = f"message {position}".encode()
    message = LineMessage.objects.create(
        report=report,
        position=position,
        author=author,
        ciphertext=crypto.encrypt(key, text.encode(), label=label),
        envelopes=envelopes,
        created_on=_today(),
    )
    if attachment is not None:
        LineAttachment.objects.create(
            message=message, ciphertext=crypto.encrypt(key, _pack(attachment), label=label + b" attachment")
        )
    LineReport.objects.filter(pk=report.pk).update(last_activity_on=_today())
    return message


@transaction.atomic
def report_create(
    *, route: str, unit: Any, text: str, forwarding: str = Forwarding.NOTHING, attachment: Attachment | None = None
) -> tuple[LineReport, str]:
    """A new anonymous report; returns it and the receipt code (shown once, stored nowhere)."""
    recipients = selectors.line_recipient_keys(unit.pk)
    if not recipients:
        raise LineError(
            _("In deze eenheid kan nu niemand anonieme meldingen lezen. Kies een andere eenheid."), field="unit"
        )
    receipt = crypto.new_receipt()
    normal = crypto.normalise_receipt(receipt)
    locked = crypto.new_locked_key(normal)
    report = LineReport.objects.create(
        lookup=crypto.receipt_lookup(normal),
        salt=locked.salt,
        verifier=locked.verifier,
        reporter_public_key=locked.public_key,
        reporter_private_key_box=locked.private_key_box,
        route=route,
        unit=unit,
        forwarding=forwarding,
        created_on=_today(),
        last_activity_on=_today(),
    )
    report.recipients.set([key.user_id for key in recipients])
    _add_message(report, author=LineAuthor.REPORTER, text=text, attachment=attachment)
    return report, receipt


@dataclass(frozen=True)
class PlainMessage:
    position: int
    author: str
    author_label: str
    text: str
    created_on: date
    has_attachment: bool


def _message_key(message: LineMessage, party: str, private_key: bytes) -> bytes:
    sealed = message.envelopes.get(party)
    if sealed is None:
        raise crypto.DecryptionError
    return crypto.open_key(bytes.fromhex(sealed), private_key)


def read_messages(report: LineReport, *, party: str, private_key: bytes) -> list[PlainMessage]:
    """The conversation as the reporter (``party="melder"``) or a recipient (their user id) reads it.
    A message sealed before a recipient joined stays unreadable to them and is left out."""
    labels = dict(LineAuthor.choices)
    plain = []
    for message in report.messages.prefetch_related("attachments"):
        try:
            key = _message_key(message, party, private_key)
        except crypto.DecryptionError:
            continue
        text = crypto.decrypt(key, message.ciphertext, label=f"message {message.position}".encode()).decode()
        plain.append(
            PlainMessage(
                position=message.position,
                author=message.author,
                author_label=str(labels[message.author]),
                text=text,
                created_on=message.created_on,
                has_attachment=bool(message.attachments.all()),
            )
        )
    return plain


def read_attachment(report: LineReport, *, position: int, party: str, private_key: bytes) -> Attachment | None:
    message = report.messages.filter(position=position).first()
    stored = message.attachments.first() if message is not None else None
    if message is None or stored is None:
        return None
    key = _message_key(message, party, private_key)
    label = f"message {message.position} attachment".encode()
    return _unpack(crypto.decrypt(key, stored.ciphertext, label=label))


BUSY = _(
    "Het is nu erg druk op de anonieme lijn. Er is niets verstuurd of bewaard. Probeer het over een minuut opnieuw."
)


def unlock_budget_take() -> bool:
    """Whether the reporter's pages may spend one more scrypt derivation this minute.

    Each receipt check and each new report costs a deliberate ~0.1 s of CPU and 32 MB (scrypt), so
    a stream of requests could occupy every web worker. The budget is one counter for the whole
    site per clock minute (``CONFIDENTIAL_LINE_UNLOCKS_PER_MINUTE``) in the cache: it holds no
    address, no token, nothing about a sender. Past the budget a request is refused before any
    scrypt work, with its input kept on the page. With a per-process cache each process has its
    own budget, which still bounds each process's CPU.
    """
    limit = int(settings.CONFIDENTIAL_LINE_UNLOCKS_PER_MINUTE)
    if limit <= 0:
        return True
    key = f"confidential-line-unlocks:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        used = 1
    return used <= limit


def report_open(receipt: str) -> tuple[LineReport, bytes] | None:
    """The report of a receipt and the reporter's unlocked private key, or None. An unknown receipt
    costs the same scrypt work as a known one, so timing does not tell them apart."""
    normal = crypto.normalise_receipt(receipt)
    report = LineReport.objects.filter(lookup=crypto.receipt_lookup(normal)).first() if normal else None
    if report is None:
        crypto.stretch(normal or "-", os.urandom(16))
        return None
    try:
        private_key = crypto.unlock(
            normal, salt=report.salt, private_key_box=report.reporter_private_key_box, verifier=report.verifier
        )
    except crypto.DecryptionError:
        return None
    return report, private_key


@transaction.atomic
def reporter_reply(
    *, report: LineReport, text: str, forwarding: str | None = None, attachment: Attachment | None = None
) -> None:
    """The reporter answers; only they set what may be passed on (``forwarding``)."""
    report = LineReport.objects.select_for_update().get(pk=report.pk)
    if report.status != LineStatus.OPEN:
        raise LineError(_("Dit gesprek is gesloten. Begin een nieuwe melding als je nog iets wilt zeggen."))
    if text.strip() or attachment is not None:
        _add_message(report, author=LineAuthor.REPORTER, text=text, attachment=attachment)
    if forwarding is not None and forwarding != report.forwarding:
        LineReport.objects.filter(pk=report.pk).update(forwarding=forwarding, last_activity_on=_today())


@transaction.atomic
def recipient_reply(
    *,
    report: LineReport,
    user: Any,
    text: str = "",
    support_option: str | None = None,
    close: bool = False,
) -> None:
    """The vertrouwenspersoon asks or answers, records the support option chosen, or closes.
    They cannot change ``forwarding``: that is the reporter's choice alone."""
    report = LineReport.objects.select_for_update().get(pk=report.pk)
    if report.status != LineStatus.OPEN:
        raise LineError(_("Dit gesprek is gesloten."))
    fields = []
    if text.strip():
        _add_message(report, author=LineAuthor.RECIPIENT, text=text, attachment=None)
        fields.append("messages")
    if support_option is not None and support_option in SupportOption.values:
        report.support_option = support_option
        fields.append("support_option")
    if close:
        report.status = LineStatus.CLOSED
        fields.append("status")
    if fields:
        report.last_activity_on = _today()
        report.save(update_fields=["support_option", "status", "last_activity_on"])
        log_change(actor=user, obj=report, fields=fields)


def erase_expired(today: date | None = None) -> int:
    """Erase every report whose last activity is older than ``CONFIDENTIAL_LINE_RETENTION_DAYS``:
    messages, attachments, envelopes and the receipt's lookup and verifier. Returns how many."""
    limit = (today or _today()) - timedelta(days=int(settings.CONFIDENTIAL_LINE_RETENTION_DAYS))
    erased = 0
    for pk in LineReport.objects.filter(last_activity_on__lt=limit).values_list("pk", flat=True):
        with transaction.atomic():
            LineAttachment.objects.filter(message__report_id=pk).delete()
            LineMessage.objects.filter(report_id=pk).delete()
            erased += LineReport.objects.filter(pk=pk).delete()[1].get(LineReport._meta.label, 0)
    if erased:
        logger.info("confidential line reports erased", extra={"event": "confidential_line_erased"})
    return erased
