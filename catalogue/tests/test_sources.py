"""The catalogue says what the sources say (issue 22 §2).

The 2022/2023 edition as loaded said a few things the Zorgwijzer does not. A published edition
never changes, so migration 0008 publishes a corrected edition (``catalogue/corrections.py``); the
first stays readable as it was and "wat is er nieuw" lists the corrections.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.urls import reverse

from catalogue import corrections, selectors
from catalogue.compare import compare_editions
from catalogue.constants import AccessRoute, ChannelKind, EditionStatus
from catalogue.models import ContactChannel, Edition, EditionStatusChange, Provision

pytestmark = pytest.mark.django_db


def _current(slug: str) -> Provision:
    edition = selectors.current_edition()
    assert edition is not None
    return Provision.objects.get(edition=edition, slug=slug)


def test_zorglijn_ptss_is_not_labelled_as_reachable_only_through_a_referral() -> None:
    # Seed 000 L1791-1797 / L2274-2280: "only through the bedrijfsarts or unit psychologist" is the
    # rule of the employer modules; the platform lets the TCO coordinator refer to the Zorglijn too.
    zorglijn = _current("zorglijn-ptss")
    assert zorglijn.access_route != AccessRoute.VIA_VERWIJZING
    assert "Collegiale Ondersteuning" in zorglijn.how_to_start
    assert _current("werkgeversmodules-bedrijfsgezondheidszorg").access_route == AccessRoute.VIA_VERWIJZING


def test_the_zorglijn_page_no_longer_says_only_after_referral(client: Any) -> None:
    page = client.get(reverse("catalogue:provision", args=["zorglijn-ptss"])).content.decode()
    assert "Alleen na verwijzing" not in page


def test_the_mental_check_up_is_a_one_to_one_conversation_of_about_an_hour_with_a_psychologist() -> None:
    summary = _current("mental-check-up").summary
    assert "ongeveer een uur" in summary and "psycholoog" in summary and "één op één" in summary


def test_the_self_test_entries_point_to_the_self_tests_in_zorgwijzer_not_to_the_intranet() -> None:
    for slug in ("zelftest-mentale-fitheid", "zelftest-mirror"):
        provision = _current(slug)
        assert "intranet" not in provision.how_to_start.lower()
        assert "Zorgwijzer" in provision.how_to_start
        links = ContactChannel.objects.filter(provision=provision, kind=ChannelKind.WEBSITE)
        assert any(channel.value.startswith("/zelftest/") for channel in links)


def test_buddy_inzet_cites_its_section() -> None:
    assert _current("buddy-inzet").sections == "6.2.2"


def test_debriefing_is_held_by_the_operational_manager() -> None:
    debriefing = _current("debriefing")
    assert debriefing.provider == "Operationeel leidinggevende"
    assert "HR" not in f"{debriefing.summary} {debriefing.description} {debriefing.how_to_start}"


def test_prikpunt_is_in_the_catalogue_under_the_risks_of_police_work() -> None:
    prikpunt = _current(corrections.PRIKPUNT)
    assert prikpunt.parent is not None and prikpunt.parent.slug == "bewustwording-risicos-politiewerk-en-pbm"
    assert "24" in prikpunt.availability and prikpunt.herstellen


def test_the_first_edition_stays_as_it_was_published_and_the_correction_is_recorded() -> None:
    first = Edition.objects.get(code="2022-2023")
    corrected = selectors.current_edition()
    assert corrected is not None and corrected.code == corrections.corrected_code(first.code)
    assert Provision.objects.get(edition=first, slug="zorglijn-ptss").access_route == AccessRoute.VIA_VERWIJZING
    assert Provision.objects.get(edition=first, slug="buddy-inzet").sections == ""
    steps = list(EditionStatusChange.objects.filter(edition=corrected).values_list("to_status", flat=True))
    assert steps == [EditionStatus.CONCEPT, EditionStatus.GEPUBLICEERD]
    changes = compare_editions(first, corrected)
    changed = {change.provision.slug: set(change.fields) for change in changes.changed}
    assert {"zorglijn-ptss", "mental-check-up", "zelftest-mirror", "buddy-inzet"} <= set(changed)
    assert [p.slug for p in changes.added] == [corrections.PRIKPUNT]


def test_correcting_again_changes_nothing() -> None:
    before = Edition.objects.count()
    assert corrections.publish_corrected_edition(lambda name: apps.get_model("catalogue", name)) is None
    assert Edition.objects.count() == before


def test_a_correction_an_editor_already_made_is_not_made_twice() -> None:
    corrected = selectors.current_edition()
    assert corrected is not None
    # Everything already right in the current edition: no new edition.
    assert corrections.pending(corrected, lambda name: apps.get_model("catalogue", name)) == []
