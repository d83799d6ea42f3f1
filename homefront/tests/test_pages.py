"""The home-front and former-colleague pages: public, with the 24/7 Loket's number from the catalogue;
the leaflet PDF renders; the farewell mail goes out once, before leaving."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from catalogue.constants import LOKET_PROVISION, ChannelKind
from catalogue.models import ContactChannel, Provision
from catalogue.tests.factories import current_edition
from homefront import farewell
from homefront.models import FarewellMail
from organisation.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 1, 8, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture
def loket() -> None:
    provision = Provision.objects.get(edition=current_edition(), slug=LOKET_PROVISION)
    ContactChannel.objects.create(
        provision=provision, kind=ChannelKind.PHONE, label=provision.name, value="0800-123 45 67"
    )


@pytest.mark.parametrize("name", ["homefront:homefront", "homefront:former"])
def test_the_page_needs_no_login_and_links_the_24_7_loket(client: Any, loket: None, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        'data-testid="loket-number">Bel: <a class="utrecht-link utrecht-link--telephone" href="tel:08001234567">'
        in page
    )


def test_the_home_front_page_offers_a_shareable_link_and_the_leaflet(client: Any) -> None:
    page = client.get(reverse("homefront:homefront")).content.decode()
    assert 'data-testid="share-url">http://testserver/thuisfront/</a>' in page
    assert f'href="{reverse("homefront:leaflet")}"' in page


def test_the_leaflet_points_to_the_home_front_page_not_to_itself(rf: Any) -> None:
    from homefront.views import _context

    request = rf.get(reverse("homefront:leaflet"))
    assert _context(request, "homefront:homefront")["share_url"] == "http://testserver/thuisfront/"


@pytest.mark.slow
def test_the_leaflet_pdf_renders_with_the_loket_number(client: Any, loket: None) -> None:
    response = client.get(reverse("homefront:leaflet"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    again = client.get(reverse("homefront:leaflet"))
    assert again.content == response.content  # served from the cache, not rendered twice


def test_someone_about_to_leave_gets_one_farewell_mail_with_the_link(monkeypatch: Any) -> None:
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())
    leaving: Any = PersonFactory(email="weg@example.org", service_end_date=NOW.date() + timedelta(days=10))
    PersonFactory(email="blijft@example.org", service_end_date=NOW.date() + timedelta(days=60))
    with time_machine.travel(NOW, tick=False):
        assert farewell.farewell_scan() == 1
        assert farewell.farewell_scan() == 0
        assert farewell.send_farewell(person_id=leaving.pk) is False
    assert [message.to for message in mail.outbox] == [["weg@example.org"]]
    assert "/oud-collegas/" in mail.outbox[0].body
    assert FarewellMail.objects.get().person == leaving


def test_someone_set_out_of_service_without_an_end_date_still_gets_the_mail_once(monkeypatch: Any) -> None:
    monkeypatch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())
    PersonFactory(email="oud@example.org", is_active=False)  # updated just now by the HR import
    assert farewell.farewell_scan() == 1
    assert farewell.farewell_scan() == 0
    assert len(mail.outbox) == 1
