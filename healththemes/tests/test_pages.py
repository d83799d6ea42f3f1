"""Public theme pages: readable without login, only published content, never a diagnosis."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from healththemes.models import HealthTheme, ThemeItem

pytestmark = pytest.mark.django_db

NO_DIAGNOSIS = "Dit is informatie, geen diagnose. Maak je je zorgen"


def test_the_index_lists_every_published_theme_without_login(client: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(3):
        response = client.get(reverse("healththemes:index"))
    page = response.content.decode()
    assert response.status_code == 200
    for name in ("Voeding", "Slaap", "Beweging", "Beeldschermwerk", "Werkstress", "Ongewenste omgangsvormen", "PTSS"):
        assert name in page


def test_a_theme_page_shows_articles_exercises_and_stories(client: Any, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(4):
        response = client.get(reverse("healththemes:theme", args=["slaap"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Lezen" in page and "Korte oefeningen" in page and "Ervaringsverhalen" in page
    assert "Ademen in vier tellen" in page


def test_the_ptss_page_has_a_section_for_managers(client: Any) -> None:
    page = client.get(reverse("healththemes:theme", args=["ptss"])).content.decode()
    assert "Voor leidinggevenden" in page
    assert reverse("healththemes:item", args=["ptss", "ptss-voor-leidinggevenden"]) in page


@pytest.mark.parametrize(
    "url",
    [
        reverse("healththemes:index"),
        reverse("healththemes:theme", args=["werkstress"]),
        reverse("healththemes:item", args=["werkstress", "stoplicht-check"]),
    ],
)
def test_every_page_says_it_does_not_diagnose_and_links_to_help(client: Any, url: str) -> None:
    page = client.get(url).content.decode()
    assert NO_DIAGNOSIS in page
    assert f'href="{reverse("portal:help")}"' in page and f'href="{reverse("catalogue:overview")}"' in page


def test_a_story_is_labelled_as_made_up(client: Any) -> None:
    page = client.get(reverse("healththemes:item", args=["ptss", "het-ongeval-bleef-terugkomen"])).content.decode()
    assert "Voorbeeldverhaal." in page and "Dit verhaal is verzonnen." in page


def test_an_unpublished_item_is_hidden_from_the_theme_and_its_own_page(client: Any) -> None:
    ThemeItem.objects.filter(slug="stoplicht-check").update(is_published=False)
    assert "De stoplicht-check" not in client.get(reverse("healththemes:theme", args=["werkstress"])).content.decode()
    assert client.get(reverse("healththemes:item", args=["werkstress", "stoplicht-check"])).status_code == 404


def test_an_unpublished_theme_is_hidden(client: Any) -> None:
    HealthTheme.objects.filter(slug="voeding").update(is_published=False)
    assert "Voeding" not in client.get(reverse("healththemes:index")).content.decode()
    assert client.get(reverse("healththemes:theme", args=["voeding"])).status_code == 404
    assert client.get(reverse("healththemes:item", args=["voeding", "bord-in-drie-delen"])).status_code == 404


def test_an_item_of_another_theme_is_not_found(client: Any) -> None:
    assert client.get(reverse("healththemes:item", args=["slaap", "stoplicht-check"])).status_code == 404


def test_a_logged_in_visitor_is_referred_to_the_vgw_team_of_their_own_unit(organisation: Any, login_as: Any) -> None:
    client = login_as(organisation.users["medewerker"])
    page = client.get(reverse("healththemes:theme", args=["werkstress"])).content.decode()
    assert "Neem contact op met het team Veilig en Gezond Werken van eenheid Testeenheid." in page
    unit_code = organisation.unit.code
    assert f'href="{reverse("catalogue:experts")}?eenheid={unit_code}#contact">Zo bereik je het team</a>' in page


def test_an_anonymous_visitor_gets_the_general_referral(client: Any) -> None:
    page = client.get(reverse("healththemes:theme", args=["werkstress"])).content.decode()
    assert "Elke eenheid heeft een team Veilig en Gezond Werken." in page
    assert "van eenheid" not in page


def test_a_logged_in_visitor_without_a_team_gets_the_general_referral(organisation: Any, login_as: Any) -> None:
    person = organisation.people["medewerker"]
    person.team = None
    person.save()
    page = login_as(person.user).get(reverse("healththemes:theme", args=["werkstress"])).content.decode()
    assert "Elke eenheid heeft een team Veilig en Gezond Werken." in page


def test_a_care_data_role_reads_themes_before_the_second_factor(organisation: Any, client: Any) -> None:
    """Public content reaches no one's personal data, so the second factor is not asked first."""
    client.force_login(organisation.users["leidinggevende"])
    assert client.get(reverse("healththemes:theme", args=["ptss"])).status_code == 200
