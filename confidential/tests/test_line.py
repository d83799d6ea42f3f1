"""The anonymous two-way line: after a full exchange the database holds neither the message text
nor the receipt code nor anything that identifies the reporter; the server's keys alone read
nothing; the vertrouwenspersoon (passphrase) and the reporter (receipt) read everything. Photos
lose their metadata, reports are erased after the retention period, and only the reporter
decides what may be passed on."""

from __future__ import annotations

import io
import logging
import re
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from PIL import Image

from confidential import crypto, line
from confidential.constants import Forwarding, LineStatus
from confidential.models import LineAttachment, LineMessage, LineReport
from conftest import verified_login
from organisation.constants import Role

pytestmark = pytest.mark.django_db

START = "/waar-kan-ik-terecht/anoniem/"
READ = "/waar-kan-ik-terecht/anoniem/lezen/"
REPLY = "/waar-kan-ik-terecht/anoniem/antwoorden/"
PASSPHRASE = "paard batterij nietje correct"
FIRST = "Mijn collega maakt steeds opmerkingen over mijn afkomst (geheim-7Q3)."
ANSWER = "Het gebeurt vooral in de nachtdienst (geheim-K9X)."
QUESTION = "Dank je. Wil je dat ik je help met een gesprek? (vraag-V2B)"
REPORTER_IP = "203.0.113.77"
REPORTER_AGENT = "MelderBrowser/9.9 (uniek-apparaat-4711)"
REPORTER = {"REMOTE_ADDR": REPORTER_IP, "HTTP_USER_AGENT": REPORTER_AGENT}


def _receipt(page: str) -> str:
    found = re.search(r'data-testid="receipt"><strong>([^<]+)</strong>', page)
    assert found, "no receipt on the page"
    return found.group(1)


def _dump() -> tuple[str, bytes]:
    """Every value of every table, as text and as bytes."""
    texts: list[str] = []
    blobs: list[bytes] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (table names)
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes | bytearray):
                        blobs.append(bytes(value))
                    elif value is not None:
                        texts.append(str(value))
    return "\n".join(texts), b"\n".join(blobs)


def _vp_client(organisation: Any) -> Client:
    """The vertrouwenspersoon's own browser (the reporter's ``client`` stays anonymous)."""
    vp_client = Client()
    verified_login(vp_client, organisation.users[Role.VERTROUWENSPERSOON])
    return vp_client


def _exchange(organisation: Any, client: Any, login_as: Any, caplog: Any) -> tuple[str, LineReport]:
    vp_client = _vp_client(organisation)
    vp_client.post("/waar-kan-ik-terecht/anoniem/sleutel/", {"passphrase": PASSPHRASE, "repeat": PASSPHRASE})
    with caplog.at_level(logging.DEBUG):
        page = client.post(
            START,
            {"route": "udr", "unit": organisation.unit.pk, "text": FIRST, "forwarding": Forwarding.NOTHING},
            **REPORTER,
        ).content.decode()
        receipt = _receipt(page)
        report = LineReport.objects.get()
        vp_client.post(
            f"/waar-kan-ik-terecht/anoniem/postvak/{report.pk}/",
            {"passphrase": PASSPHRASE, "text": QUESTION, "support_option": "dialoog"},
        )
        reporter_page = client.post(READ, {"receipt": receipt}, **REPORTER).content.decode()
        assert QUESTION in reporter_page and FIRST in reporter_page
        client.post(REPLY, {"receipt": receipt, "text": ANSWER, "forwarding": Forwarding.NOTHING}, **REPORTER)
    return receipt, report


def test_a_full_exchange_leaves_no_text_receipt_or_reporter_trace_in_the_database(
    organisation: Any, client: Any, login_as: Any, caplog: Any
) -> None:
    receipt, report = _exchange(organisation, client, login_as, caplog)
    assert LineMessage.objects.filter(report=report).count() == 3
    texts, blobs = _dump()
    needles = [
        FIRST,
        ANSWER,
        QUESTION,
        "geheim-7Q3",
        "geheim-K9X",
        "vraag-V2B",
        receipt,
        crypto.normalise_receipt(receipt),
    ]
    needles += [REPORTER_IP, REPORTER_AGENT, "uniek-apparaat-4711", "MelderBrowser"]
    for needle in needles:
        assert needle not in texts, needle
        assert needle.encode() not in blobs, needle
    # No session was made for the reporter and nothing was logged about them.
    logged = "\n".join(record.getMessage() + str(record.__dict__) for record in caplog.records)
    for needle in [receipt, crypto.normalise_receipt(receipt), FIRST, ANSWER, REPORTER_IP, REPORTER_AGENT]:
        assert needle not in logged, needle
    assert "sessionid" not in client.cookies


def test_the_receipt_is_never_in_an_address(organisation: Any, client: Any, login_as: Any, caplog: Any) -> None:
    receipt, _report = _exchange(organisation, client, login_as, caplog)
    page = client.post(READ, {"receipt": receipt}).content.decode()
    for action in re.findall(r'(?:action|href)="([^"]*)"', page):
        assert crypto.normalise_receipt(receipt) not in crypto.normalise_receipt(action)
    assert client.get(READ, {"receipt": receipt}).content.decode().count(receipt) == 0


def test_with_the_server_keys_alone_the_content_stays_unreadable(
    organisation: Any, client: Any, login_as: Any, caplog: Any
) -> None:
    _receipt_code, report = _exchange(organisation, client, login_as, caplog)
    report.refresh_from_db()
    # Everything the server holds without the passphrase or the receipt: SECRET_KEY and the rows.
    attempts = [settings.SECRET_KEY, report.lookup, bytes(report.salt).hex(), bytes(report.verifier).hex()]
    for secret in attempts:
        with pytest.raises(crypto.DecryptionError):
            crypto.unlock(
                crypto.normalise_receipt(secret),
                salt=report.salt,
                private_key_box=report.reporter_private_key_box,
                verifier=report.verifier,
            )
        with pytest.raises(line.LineError):
            line.recipient_unlock(user=organisation.users[Role.VERTROUWENSPERSOON], passphrase=secret)
    # A key the server could make itself (from SECRET_KEY) opens no envelope.
    fake = crypto.stretch(settings.SECRET_KEY, b"0" * 16)[:32]
    assert line.read_messages(report, party="melder", private_key=fake) == []


def test_the_recipient_with_the_passphrase_and_the_reporter_with_the_receipt_read_everything(
    organisation: Any, client: Any, login_as: Any, caplog: Any
) -> None:
    receipt, report = _exchange(organisation, client, login_as, caplog)
    vp = organisation.users[Role.VERTROUWENSPERSOON]
    as_recipient = line.read_messages(
        report, party=str(vp.pk), private_key=line.recipient_unlock(user=vp, passphrase=PASSPHRASE)
    )
    opened = line.report_open(receipt)
    assert opened is not None
    as_reporter = line.read_messages(opened[0], party="melder", private_key=opened[1])
    assert [m.text for m in as_recipient] == [m.text for m in as_reporter] == [FIRST, QUESTION, ANSWER]
    page = _vp_client(organisation).post(
        f"/waar-kan-ik-terecht/anoniem/postvak/{report.pk}/", {"passphrase": PASSPHRASE}
    )
    assert ANSWER in page.content.decode()


def test_a_wrong_receipt_or_passphrase_opens_nothing(
    organisation: Any, client: Any, login_as: Any, caplog: Any
) -> None:
    receipt, report = _exchange(organisation, client, login_as, caplog)
    wrong = receipt[:-1] + ("0" if receipt[-1] != "0" else "1")
    page = client.post(READ, {"receipt": wrong}).content.decode()
    assert 'id="id_receipt-error"' in page and FIRST not in page
    response = _vp_client(organisation).post(
        f"/waar-kan-ik-terecht/anoniem/postvak/{report.pk}/", {"passphrase": "niet de goede wachtzin"}
    )
    assert "Deze wachtzin klopt niet." in response.content.decode() and FIRST not in response.content.decode()


def test_the_receipt_has_at_least_80_bits_and_is_stored_only_as_a_slow_hash() -> None:
    receipt = crypto.new_receipt()
    assert len(crypto.normalise_receipt(receipt)) * 5 >= 80
    assert len({crypto.new_receipt() for _ in range(50)}) == 50


def test_only_the_reporter_decides_what_may_be_passed_on(
    organisation: Any, client: Any, login_as: Any, caplog: Any
) -> None:
    receipt, report = _exchange(organisation, client, login_as, caplog)
    vp_client = _vp_client(organisation)
    vp_client.post(
        f"/waar-kan-ik-terecht/anoniem/postvak/{report.pk}/", {"passphrase": PASSPHRASE, "forwarding": Forwarding.VIK}
    )
    report.refresh_from_db()
    assert report.forwarding == Forwarding.NOTHING
    client.post(REPLY, {"receipt": receipt, "text": "", "forwarding": Forwarding.VIK})
    report.refresh_from_db()
    assert report.forwarding == Forwarding.VIK


def test_the_recipient_records_the_support_option_and_closes(
    organisation: Any, client: Any, login_as: Any, caplog: Any
) -> None:
    receipt, report = _exchange(organisation, client, login_as, caplog)
    _vp_client(organisation).post(
        f"/waar-kan-ik-terecht/anoniem/postvak/{report.pk}/",
        {"passphrase": PASSPHRASE, "support_option": "verwijzen", "close": "on"},
    )
    report.refresh_from_db()
    assert report.status == LineStatus.CLOSED and report.support_option == "verwijzen"
    page = client.post(READ, {"receipt": receipt}).content.decode()
    assert "gesloten" in page and 'action="/waar-kan-ik-terecht/anoniem/antwoorden/"' not in page


def _photo_with_metadata() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "SpionCam"  # Make
    exif[0x013B] = "Jan Melder"  # Artist
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes(), comment=b"opmerking-van-de-melder")
    return out.getvalue()


def test_a_photo_loses_its_metadata_and_is_stored_encrypted(organisation: Any, client: Any, login_as: Any) -> None:
    vp = organisation.users[Role.VERTROUWENSPERSOON]
    line.recipient_setup(user=vp, passphrase=PASSPHRASE)
    photo = SimpleUploadedFile("IMG_2044.jpg", _photo_with_metadata(), content_type="image/jpeg")
    client.post(
        START,
        {
            "route": "vertrouwenspersoon",
            "unit": organisation.unit.pk,
            "text": FIRST,
            "forwarding": "niets",
            "attachment": photo,
        },
    )
    report = LineReport.objects.get()
    stored = bytes(LineAttachment.objects.get().ciphertext)
    assert b"SpionCam" not in stored and b"Jan Melder" not in stored
    response = _vp_client(organisation).post(
        f"/waar-kan-ik-terecht/anoniem/postvak/{report.pk}/bijlage/", {"passphrase": PASSPHRASE, "bericht": "1"}
    )
    data = response.content
    assert response["Content-Type"] == "image/jpeg" and b"IMG_2044" not in response["Content-Disposition"].encode()
    assert b"SpionCam" not in data and b"Jan Melder" not in data and b"opmerking-van-de-melder" not in data
    with Image.open(io.BytesIO(data)) as opened:
        assert opened.size == (40, 30) and not dict(opened.getexif())


def test_a_too_large_or_non_image_attachment_is_refused_at_the_field(
    organisation: Any, client: Any, settings: Any
) -> None:
    line.recipient_setup(user=organisation.users[Role.VERTROUWENSPERSOON], passphrase=PASSPHRASE)
    settings.CONFIDENTIAL_LINE_ATTACHMENT_MAX_BYTES = 100
    data = {"route": "vertrouwenspersoon", "unit": organisation.unit.pk, "text": FIRST, "forwarding": "niets"}
    big = SimpleUploadedFile("a.jpg", _photo_with_metadata(), content_type="image/jpeg")
    page = client.post(START, {**data, "attachment": big}).content.decode()
    assert 'id="id_attachment-error"' in page and "te groot" in page
    settings.CONFIDENTIAL_LINE_ATTACHMENT_MAX_BYTES = 10_000
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4 auteur", content_type="application/pdf")
    page = client.post(START, {**data, "attachment": pdf}).content.decode()
    assert 'id="id_attachment-error"' in page
    assert not LineReport.objects.exists()


def test_reports_are_erased_after_the_retention_period_and_nothing_is_left_in_the_database(
    organisation: Any, client: Any, login_as: Any, caplog: Any, settings: Any
) -> None:
    receipt, report = _exchange(organisation, client, login_as, caplog)
    report.refresh_from_db()
    lookup = report.lookup
    traces = [bytes(report.verifier), bytes(report.reporter_private_key_box)]
    traces += [bytes(m.ciphertext) for m in LineMessage.objects.all()]
    assert line.erase_expired() == 0  # not yet
    later = timezone.now() + timedelta(days=settings.CONFIDENTIAL_LINE_RETENTION_DAYS + 1)
    with time_machine.travel(later, tick=False):
        from confidential import tasks

        assert tasks.erase_expired_reports.call() == {"erased": 1}
        assert line.report_open(receipt) is None
    texts, blobs = _dump()
    assert lookup not in texts
    for trace in traces:
        assert trace not in blobs
    assert not LineReport.objects.exists() and not LineMessage.objects.exists()


def test_a_unit_without_a_keyed_vertrouwenspersoon_cannot_be_chosen(organisation: Any, client: Any) -> None:
    page = client.get(START).content.decode()
    assert "Er is nu geen vertrouwenspersoon" in page
    response = client.post(START, {"route": "udr", "unit": organisation.unit.pk, "text": FIRST, "forwarding": "niets"})
    assert not LineReport.objects.exists() and response.status_code == 200


def test_past_the_sites_scrypt_budget_the_line_refuses_before_unlocking_and_keeps_the_input(
    organisation: Any, client: Any, login_as: Any, caplog: Any, settings: Any
) -> None:
    receipt, _report = _exchange(organisation, client, login_as, caplog)
    settings.CONFIDENTIAL_LINE_UNLOCKS_PER_MINUTE = 1
    fresh_minute = (timezone.now() + timedelta(minutes=10)).replace(second=5)
    with (
        time_machine.travel(fresh_minute, tick=False),
        mock.patch.object(crypto, "stretch", wraps=crypto.stretch) as stretch,
    ):
        assert QUESTION in client.post(READ, {"receipt": receipt}).content.decode()  # the one of this minute
        refused = client.post(READ, {"receipt": receipt})
        reply = client.post(REPLY, {"receipt": receipt, "text": "Nog één ding (busy-5T)", "forwarding": "niets"})
        new = client.post(
            START, {"route": "udr", "unit": organisation.unit.pk, "text": "Nieuw (busy-8R)", "forwarding": "niets"}
        )
    assert stretch.call_count == 1  # the refused requests did no scrypt work
    assert refused.status_code == reply.status_code == new.status_code == 429
    assert 'id="id_receipt-error"' in refused.content.decode() and QUESTION not in refused.content.decode()
    assert "erg druk" in reply.content.decode() and "Nog één ding (busy-5T)" in reply.content.decode()
    assert "erg druk" in new.content.decode() and "Nieuw (busy-8R)" in new.content.decode()
    assert LineMessage.objects.filter(report__pk=_report.pk).count() == 3  # nothing half-written
    assert LineReport.objects.count() == 1
    # The budget is one counter for the site: no address, token or receipt in the cache key.
    from django.core.cache import cache

    keys = list(getattr(cache, "_cache", {}).keys())
    assert keys and not any(REPORTER_IP in key or receipt in key for key in keys)
    # A new minute, a new budget.
    with time_machine.travel(fresh_minute + timedelta(minutes=1), tick=False):
        assert QUESTION in client.post(READ, {"receipt": receipt}).content.decode()
