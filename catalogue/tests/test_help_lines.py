"""Help numbers have one source: the phone channels of the 24/7 Loket and TCO in the published
edition. They reach Direct hulp, the self-tests' crisis block and every page's header as tel: links;
a number only in a concept edition reaches no one; production hears when the 24/7 number is missing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalogue import services
from catalogue.checks import loket_number_is_published
from catalogue.constants import LOKET_PROVISION, PRIKPUNT, TCO_PROVISION, ChannelKind
from catalogue.help_lines import help_lines
from catalogue.models import ContactChannel, Edition, Provision
from catalogue.tests.factories import concept_edition, current_edition

pytestmark = pytest.mark.django_db


def _phone(edition: Edition, slug: str, number: str, unit: Any = None, label: str = "") -> ContactChannel:
    provision = Provision.objects.get(edition=edition, slug=slug)
    return ContactChannel.objects.create(
        provision=provision, unit=unit, kind=ChannelKind.PHONE, label=label or provision.name, value=number
    )


def test_without_a_number_there_is_no_help_line_and_the_deploy_check_warns(monkeypatch: Any) -> None:
    monkeypatch.setenv("ZORGWIJZER_LOKET_247_PHONE", "0800-1111 222")
    assert help_lines().loket is None
    (warning,) = loket_number_is_published()
    assert warning.id == "catalogue.W001"
    assert "0800-1111 222" in str(warning.hint) and "no longer read" in str(warning.hint)


def test_the_published_number_is_a_tel_link_on_direct_hulp_and_in_every_header(client: Any) -> None:
    _phone(current_edition(), LOKET_PROVISION, "0800-123 45 67")
    assert loket_number_is_published() == []
    help_page = client.get("/hulp/").content.decode()
    assert '<a class="utrecht-link utrecht-link--telephone" href="tel:08001234567">0800-123 45 67</a>' in help_page
    for path in ("/", "/zorgwijzer/", "/zelftest/"):
        header = client.get(path).content.decode()
        assert 'href="tel:08001234567" data-testid="header-loket"' in header, path


def test_the_crisis_block_of_the_self_tests_offers_the_same_number(client: Any) -> None:
    _phone(current_edition(), LOKET_PROVISION, "0800-123 45 67")
    from django.template.loader import render_to_string

    from selftests.presentation import crisis_context

    html = render_to_string("selftests/_crisis.html", {**crisis_context(), "mode": "zelf"})
    assert 'href="tel:08001234567">0800-123 45 67</a>' in html
    assert "intranet" not in html


def test_a_number_in_a_concept_edition_reaches_no_one_until_it_is_published(organisation: Any) -> None:
    editor = organisation.users["inhoudsbeheerder"]
    concept = concept_edition(editor)
    _phone(concept, LOKET_PROVISION, "0800-999 00 00")
    assert help_lines().loket is None
    services.edition_publish(actor=editor, edition=concept)
    line = help_lines().loket
    assert line is not None and line.href == "tel:08009990000"


def test_the_visitors_own_unit_goes_first_and_others_see_the_general_number(
    client: Any, organisation: Any, login_as: Any
) -> None:
    edition = current_edition()
    _phone(edition, TCO_PROVISION, "088 100 00 00")
    _phone(edition, TCO_PROVISION, "088 200 00 00", unit=organisation.unit, label="TCO Testeenheid")
    general = help_lines().tco
    assert general is not None and general.number == "088 100 00 00"
    own = help_lines(organisation.unit.pk).tco
    assert own is not None and (own.number, own.note) == ("088 200 00 00", "TCO Testeenheid")
    page = login_as(organisation.users["medewerker"]).get("/hulp/").content.decode()
    assert 'data-testid="tco-number"' in page and 'href="tel:0882000000"' in page
    anonymous = Client().get("/hulp/").content.decode()
    assert 'href="tel:0881000000"' in anonymous


def test_the_header_asks_the_database_once_for_the_numbers() -> None:
    _phone(current_edition(), LOKET_PROVISION, "0800-123 45 67")
    with CaptureQueriesContext(connection) as queries:
        help_lines()
    assert len(queries) == 1


def test_the_demo_publishes_example_numbers_that_say_so_once(settings: Any, tmp_path: Any) -> None:
    settings.DEBUG, settings.VAR_DIR = True, tmp_path
    before = current_edition()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    line = help_lines().loket
    assert line is not None and line.is_example and "geen echt nummer" in line.note
    assert "(voorbeeld)" in Client().get("/").content.decode()  # the header says so too
    demo_edition = current_edition()
    assert demo_edition.code == f"{before.code}-demo" and demo_edition.pk != before.pk
    assert (
        ContactChannel.objects.filter(
            provision__edition=before, kind=ChannelKind.PHONE, provision__slug=LOKET_PROVISION
        ).count()
        == 0
    )
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Edition.objects.filter(code__endswith="-demo").count() == 1
    assert current_edition().pk == demo_edition.pk


def test_prikpunt_is_a_tel_link_on_direct_hulp(client: Any) -> None:
    # Issue 22: after a needle-stick, splash, bite, cut or scratch incident, Prikpunt (24/7) for a risk assessment.
    _phone(current_edition(), PRIKPUNT, "0800-777 66 55")
    line = help_lines().prikpunt
    assert line is not None and line.href == "tel:08007776655"
    page = client.get("/hulp/").content.decode()
    assert 'data-testid="prikpunt-number"' in page
    assert '<a class="utrecht-link utrecht-link--telephone" href="tel:08007776655">0800-777 66 55</a>' in page


def test_without_a_prikpunt_number_direct_hulp_says_where_to_find_it(client: Any) -> None:
    assert help_lines().prikpunt is None
    page = client.get("/hulp/").content.decode()
    assert 'id="help-prikpunt"' in page and 'data-testid="prikpunt-number"' not in page
    assert "Prikpunt" in page and "intranet" in page


def test_the_demo_gives_prikpunt_an_example_number_that_says_so() -> None:
    from catalogue.demo import add_example_help_numbers

    assert "Prikpunt" in add_example_help_numbers()  # the catalogue's part of manage.py demo
    line = help_lines().prikpunt
    assert line is not None and line.is_example
    page = Client().get("/hulp/").content.decode()
    assert "geen echt nummer" in page[page.index('data-testid="prikpunt-number"') :]
