"""The finder "Wat past bij mij?": its ranking rules and its page, as a visitor depends on them."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from catalogue import selectors
from catalogue.constants import Confidentiality
from catalogue.finder import MAX_RESULTS, Answers, ForWhom, Privacy, Profile, profile_of, rank
from catalogue.help_lines import help_lines
from catalogue.models import Provision

ALL = frozenset({"versterken", "voorkomen", "herstellen"})
URL = "/zorgwijzer/wat-past-bij-mij/"


def _profile(name: str, **facts: Any) -> Profile:
    defaults: dict[str, Any] = {
        "batteries": ALL,
        "themes": frozenset({"mentaal"}),
        "audiences": frozenset({"medewerker"}),
        "access_route": "zelf_aanvragen",
        "confidentiality": "vertrouwelijk",
    }
    return Profile(name=name, **{**defaults, **facts})


def _names(profiles: list[Profile], answers: Answers) -> list[str]:
    return [match.item.name for match in rank(profiles, answers, profile=lambda p: p)]


def _ranked(answers: Answers) -> list[Provision]:
    found = selectors.provisions(selectors.current_edition())
    return [match.item for match in rank(found, answers, profile=profile_of)]


# --- ranking rules, without a database ----------------------------------------------------


def test_herstellen_mentaal_anoniem_puts_the_anonymous_recovery_provision_first() -> None:
    profiles = [
        _profile("Aa vertrouwelijk", batteries=frozenset({"herstellen"})),
        _profile("Bb anoniem", confidentiality="anoniem"),
        _profile("Cc voor fit blijven", batteries=frozenset({"versterken"}), confidentiality="anoniem"),
    ]
    answers = Answers(situation="herstellen", theme="mentaal", privacy=Privacy.ANONYMOUS)
    assert _names(profiles, answers)[0] == "Bb anoniem"


def test_a_provision_with_the_manager_involved_is_never_shown_to_whom_wants_to_keep_the_manager_out() -> None:
    profiles = [
        _profile("Coaching", confidentiality="leidinggevende_betrokken", access_route="via_leidinggevende"),
        _profile("Debriefing", confidentiality="leidinggevende_betrokken", access_route="automatisch"),
        _profile("Training", access_route="via_leidinggevende"),
        _profile("Vertrouwenswerk", access_route="zonder_leidinggevende"),
    ]
    for privacy in (Privacy.WITHOUT_MANAGER, Privacy.ANONYMOUS):
        assert _names(profiles, Answers(situation="herstellen", privacy=privacy)) == ["Vertrouwenswerk"]


def test_a_search_for_the_family_only_shows_provisions_for_the_thuisfront() -> None:
    profiles = [_profile("Loket", audiences=frozenset({"medewerker", "thuisfront"})), _profile("Alleen ik")]
    matches = rank(profiles, Answers(for_whom=ForWhom.FAMILY), profile=lambda p: p)
    assert [m.item.name for m in matches] == ["Loket"]
    assert "Ook voor je thuisfront" in matches[0].reasons


def test_a_search_for_a_colleague_favours_what_you_can_use_for_a_colleague() -> None:
    profiles = [_profile("Aa alleen ik"), _profile("Tco", keywords=frozenset({"collega", "opvang"}))]
    matches = rank(profiles, Answers(for_whom=ForWhom.COLLEAGUE), profile=lambda p: p)
    assert matches[0].item.name == "Tco"
    assert "Je kunt dit ook voor een collega inzetten" in matches[0].reasons


def test_every_result_says_why_it_fits_in_plain_dutch() -> None:
    profiles = [_profile("Mirror", confidentiality="anoniem")]
    answers = Answers(situation="herstellen", theme="mentaal", privacy=Privacy.WITHOUT_MANAGER)
    (match,) = rank(profiles, answers, profile=lambda p: p)
    assert match.reasons[:2] == ("Past bij: je wilt herstellen", "Gaat over: mentaal")
    assert "Anoniem: niemand weet dat jij dit gebruikt." in match.reasons


def test_what_does_not_fit_the_battery_or_theme_at_all_is_left_out() -> None:
    profiles = [_profile("Pensioen", batteries=frozenset({"versterken"}), themes=frozenset({"financieel"}))]
    assert _names(profiles, Answers(situation="herstellen", theme="mentaal")) == []


def test_at_most_eight_results_best_first_then_by_name() -> None:
    profiles = [_profile(f"Voorziening {n:02}") for n in range(12)]
    profiles.append(_profile("Zz alleen herstellen", batteries=frozenset({"herstellen"})))
    names = _names(profiles, Answers(situation="herstellen"))
    assert len(names) == MAX_RESULTS
    assert names[0] == "Zz alleen herstellen"
    assert names[1:] == sorted(names[1:])


# --- on the real edition -------------------------------------------------------------------


@pytest.mark.django_db
def test_on_the_edition_herstellen_mentaal_anoniem_starts_with_an_anonymous_self_test() -> None:
    first = _ranked(Answers(situation="herstellen", theme="mentaal", privacy=Privacy.ANONYMOUS))[0]
    assert first.confidentiality == Confidentiality.ANONIEM and first.herstellen


@pytest.mark.django_db
def test_on_the_edition_not_via_my_manager_never_shows_coaching_or_debriefing() -> None:
    for situation in ("", "versterken", "voorkomen", "herstellen", "nood"):
        for theme in ("", "mentaal", "loopbaan", "sociaal", "werkomstandigheden"):
            found = _ranked(Answers(situation=situation, theme=theme, privacy=Privacy.WITHOUT_MANAGER))
            assert all(p.confidentiality != Confidentiality.LEIDINGGEVENDE_BETROKKEN for p in found)


@pytest.mark.django_db
def test_on_the_edition_the_family_finds_the_24_7_loket() -> None:
    found = _ranked(Answers(for_whom=ForWhom.FAMILY))
    assert found and found[0].slug == "loket-politie-24-7"
    assert all(p.audiences.filter(code="thuisfront").exists() for p in found)


# --- the page ------------------------------------------------------------------------------


def test_the_finder_lives_at_its_dutch_url() -> None:
    assert reverse("catalogue:finder") == URL


@pytest.mark.django_db
def test_the_start_page_asks_four_questions_with_answers_preselected(client: Any) -> None:
    page = client.get(URL).content.decode()
    assert page.count("<legend") == 4
    assert page.count("checked") == 4
    assert 'aria-live="polite"' in page
    assert "Beantwoord een vraag hierboven" in page


@pytest.mark.django_db
def test_answers_in_the_url_show_ranked_results_with_reasons(client: Any) -> None:
    page = client.get(URL, {"hoe": "herstellen", "thema": "mentaal", "privacy": "anoniem"}).content.decode()
    assert "Zelftest Mentale Fitheid" in page or "Mirror" in page
    assert "Waarom dit past:" in page and "Past bij: je wilt herstellen" in page
    assert "Coaching" not in page
    assert "/zorgwijzer/zelftest-mirror/#access" in page


@pytest.mark.django_db
def test_the_shared_url_reproduces_the_same_list(client: Any) -> None:
    query = {"hoe": "voorkomen", "thema": "fysiek", "privacy": "zonder_leidinggevende", "voor": "mezelf"}
    first = client.get(URL, query)
    again = client.get(URL, query)
    assert [r["match"].item.slug for r in first.context["results"]] == [
        r["match"].item.slug for r in again.context["results"]
    ]
    assert first.context["results"]


@pytest.mark.django_db
def test_a_shortened_shared_url_counts_the_missing_questions_as_not_answered(client: Any) -> None:
    short = client.get(URL, {"hoe": "herstellen"})
    full = client.get(URL, {"hoe": "herstellen", "thema": "", "privacy": "", "voor": "mezelf"})
    assert [r["match"].item.slug for r in short.context["results"]] == [
        r["match"].item.slug for r in full.context["results"]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["hoe", "thema", "privacy", "voor"])
def test_an_invalid_answer_gets_a_dutch_message_at_the_field_never_an_error_page(client: Any, name: str) -> None:
    response = client.get(URL, {name: "onzin<script>"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="id_{name}-error"' in page
    assert "Kies een van de antwoorden hieronder." in page
    assert "<script>" not in page.split("<body", 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_it_goes_badly_shows_the_direct_help_link_first(client: Any) -> None:
    page = client.get(URL, {"hoe": "nood"}).content.decode()
    results = page[page.index('id="finder-results"') :]
    assert results.index('href="/hulp/"') < results.index("<ol")


@pytest.mark.django_db
def test_htmx_gets_only_the_results_and_the_help_hint_out_of_band(client: Any) -> None:
    response = client.get(URL, {"hoe": "nood"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "<html" not in page and "<ol" in page
    assert 'id="finder-urgent" hx-swap-oob="true"' in page
    assert "HX-Request" in response["Vary"]


@pytest.mark.django_db
def test_the_overview_links_to_the_finder(client: Any) -> None:
    assert f'href="{URL}"' in client.get(reverse("catalogue:overview")).content.decode()


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_results(client: Any, django_assert_num_queries: Any) -> None:
    help_lines()  # the header's help numbers are site-wide, cached for a minute: not a per-page query
    # edition, provisions, and the prefetched themes, audiences and sub-provisions
    with django_assert_num_queries(5):
        client.get(URL, {"hoe": "herstellen"})
    with django_assert_num_queries(5):
        client.get(URL, {"voor": "thuisfront"})
    with django_assert_num_queries(0):
        client.get(URL)
