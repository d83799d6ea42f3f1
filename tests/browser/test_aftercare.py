"""Opvang en nazorg as people use it: a manager registers an event with three employees in one
form, the manager and the peer supporter complete their first steps, the coordinator assigns
the supporter, the employee sees their plan. axe-core checks every page; screenshots at 390 and
1280 px go to test-artifacts/."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps as django_apps
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from access import requires_two_factor
from aftercare.models import Plan
from organisation.constants import Role
from organisation.tests.factories import PASSWORD
from tests.browser.conftest import check_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def aftercare_lists(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the types and template again."""
    importlib.import_module("aftercare.migrations.0002_load_event_types_and_template").load(django_apps, None)


def log_in(page: Page, user: Any) -> None:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="telefoon", defaults={"confirmed": True})
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if requires_two_factor(user):
        page.get_by_label("Code uit je authenticator-app").fill(f"{TOTP(device.bin_key).token():06d}")
        page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def check(page: Page, name: str) -> None:
    check_page(page, f"aftercare-{name}")


@pytest.mark.slow
def test_register_three_employees_then_manager_and_supporter_complete_their_first_steps(
    page: Page, organisation: Any
) -> None:
    people = organisation.people
    involved = [people[Role.MEDEWERKER], people[Role.BMW], people[Role.HR_ANALIST]]
    log_in(page, organisation.users[Role.LEIDINGGEVENDE])
    page.goto("/nazorg/melden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingrijpende gebeurtenis melden")
    check(page, "melden")
    page.get_by_role("button", name="Gebeurtenis melden").click()  # nothing filled in: errors at the fields
    expect(page.get_by_text("Kies de soort gebeurtenis.").first).to_be_visible()
    check(page, "melden-fouten")
    page.get_by_label("Soort gebeurtenis").select_option(label="Poging tot doodslag")
    page.get_by_label("Zeer ernstig").check()
    for person in involved:
        page.get_by_label("Zoek op naam of personeelsnummer").fill(person.employee_number)
        box = page.get_by_label(f"{person.full_name} ({person.employee_number}", exact=False)
        expect(box).to_have_count(1)  # htmx replaced the list; earlier choices stay checked
        box.check()
    for person in involved:
        expect(page.get_by_label(f"{person.full_name} ({person.employee_number}", exact=False)).to_be_checked()
    page.get_by_label("Korte toelichting").fill("Aanhouding liep uit de hand.")
    page.get_by_role("button", name="Gebeurtenis melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nazorg in mijn team")
    expect(page.get_by_role("status")).to_contain_text("3 medewerkers")
    check(page, "mijn-team")
    assert Plan.objects.count() == 3

    plan = Plan.objects.get(person=people[Role.MEDEWERKER])
    page.get_by_role("link", name=people[Role.MEDEWERKER].full_name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(people[Role.MEDEWERKER].full_name)
    check(page, "plan-leidinggevende")
    contact = plan.steps.get(kind="contact")
    page.get_by_role("button", name="Afgerond: Contact en erkenning door de leidinggevende").click()
    expect(page.locator(f"#stap-{contact.pk}-confirm-error")).to_be_visible()  # first tick that it was done
    page.locator(f"#stap-{contact.pk}-confirm").check()
    page.locator(f"#stap-{contact.pk}-note").fill("Gebeld, gaat redelijk.")
    page.get_by_role("button", name="Afgerond: Contact en erkenning door de leidinggevende").click()
    expect(page.get_by_role("status")).to_contain_text("De stap is afgerond.")
    expect(page.get_by_role("button", name="Afgerond: Contact en erkenning door de leidinggevende")).to_have_count(0)
    page.get_by_role("button", name="Afronden ongedaan maken: Contact en erkenning door de leidinggevende").click()
    expect(page.get_by_role("status")).to_have_text("De stap staat weer open.")
    page.locator(f"#stap-{contact.pk}-confirm").check()
    page.get_by_role("button", name="Afgerond: Contact en erkenning door de leidinggevende").click()
    expect(page.get_by_role("status")).to_contain_text("De stap is afgerond.")
    log_out(page)

    log_in(page, organisation.users[Role.COORDINATOR_TCO])
    page.goto("/nazorg/coordinatie/")
    check(page, "coordinatie")
    board = page.get_by_test_id("board")
    expect(board.get_by_test_id("board-row")).to_have_count(3)
    board.get_by_role("link", name=f"Toewijzen aan het plan van {people[Role.MEDEWERKER].full_name}").click()
    page.get_by_label("Collegiaal ondersteuner", exact=True).select_option(
        label=f"{people[Role.COLLEGIAAL_ONDERSTEUNER].full_name} (0 van 5 plannen lopend)"
    )
    page.get_by_role("button", name="Toewijzen", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("De collegiaal ondersteuner is toegewezen.")
    check(page, "plan-coordinator")
    evaluation = "Afgerond: Evaluatie: zijn er na vier tot zes weken nog stressklachten?"
    page.get_by_role("button", name=evaluation).click()  # no answer: the message is at the question
    question = page.get_by_role("group", name="Zijn er na vier tot zes weken nog stressklachten?")
    expect(question).to_contain_text("Geef aan of er nog stressklachten zijn.")
    expect(question).to_have_attribute(
        "aria-describedby", f"stap-{plan.steps.get(kind='evaluatie').pk}-complaints_persist-error"
    )
    check(page, "plan-stap-fout")
    log_out(page)

    log_in(page, organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    page.goto("/nazorg/mijn-ondersteuning/")
    check(page, "mijn-ondersteuning")
    page.get_by_role("link", name=people[Role.MEDEWERKER].full_name).click()
    day_three = plan.steps.filter(kind="check_in").order_by("due_at").first()
    assert day_three is not None
    answer_check_in(page, day_three.pk)
    page.locator(f"#stap-{day_three.pk}-confirm").check()
    page.get_by_role("button", name="Afgerond: Contactmoment dag 3").click()
    expect(page.locator(f"#stap-{day_three.pk}-reason-error")).to_be_visible()  # day 3 is still ahead
    page.locator(f"#stap-{day_three.pk}-reason").fill("Collega belde zelf, gesprek gehad.")
    answer_check_in(page, day_three.pk)
    page.locator(f"#stap-{day_three.pk}-confirm").check()
    page.get_by_role("button", name="Afgerond: Contactmoment dag 3").click()
    expect(page.get_by_role("status")).to_contain_text("De stap is afgerond.")
    page.get_by_label("Notitie", exact=True).fill("Eerste gesprek gevoerd.")
    page.get_by_role("button", name="Notitie opslaan").click()
    expect(page.get_by_text("Eerste gesprek gevoerd.")).to_be_visible()
    check(page, "plan-ondersteuner")
    log_out(page)

    log_in(page, organisation.users[Role.MEDEWERKER])
    page.goto("/nazorg/")
    check(page, "mijn-nazorg")
    page.get_by_role("link", name=people[Role.MEDEWERKER].full_name).click()
    expect(page.get_by_role("heading", name="Wie heeft jouw plan bekeken?")).to_be_visible()
    expect(page.get_by_text("Eerste gesprek gevoerd.")).to_have_count(0)  # notes are not for the employee
    check(page, "plan-medewerker")
    page.goto("/nazorg/meldingen/")
    check(page, "meldingen")


def answer_check_in(page: Page, step_pk: int) -> None:
    """The structured check-in (issue 22 §1): "Gaat goed" on each of its seven themes."""
    for theme in ("sleep", "reliving", "avoidance", "support_home", "support_work", "substances", "work"):
        page.locator(f"#stap-{step_pk}-{theme}_0").check()


def test_the_board_and_the_supporters_closed_plans_are_paged(
    page: Page, organisation: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from aftercare import views
    from aftercare.constants import PlanStatus
    from aftercare.tests.conftest import supported_plans

    monkeypatch.setattr(views, "BOARD_PER_PAGE", 2)
    monkeypatch.setattr(views, "CLOSED_PER_PAGE", 1)
    plans = supported_plans(organisation, 3, last_name="Collega", apart=timedelta(hours=1))
    people: list[Any] = [plan.person for plan in plans]

    log_in(page, organisation.users[Role.COORDINATOR_TCO])
    page.goto("/nazorg/coordinatie/")
    board = page.get_by_test_id("board")
    expect(board.get_by_test_id("board-row")).to_have_count(2)
    expect(page.get_by_text("Pagina 1 van 2")).to_be_visible()
    page.get_by_role("link", name="Volgende pagina").click()  # htmx swaps the board only
    expect(page.get_by_text("Pagina 2 van 2")).to_be_visible()
    expect(page.get_by_test_id("board").get_by_test_id("board-row")).to_have_count(1)
    expect(page.locator("#board-results")).to_have_count(1)
    assert "pagina=2" in page.url
    check(page, "coordinatie-pagina-2")
    log_out(page)

    Plan.objects.filter(pk__in=[plans[0].pk, plans[1].pk]).update(status=PlanStatus.CLOSED)
    log_in(page, organisation.users[Role.COLLEGIAAL_ONDERSTEUNER])
    page.goto("/nazorg/mijn-ondersteuning/")
    expect(page.get_by_role("link", name=people[2].full_name)).to_be_visible()
    closed = page.get_by_role("table", name="2 afgesloten nazorgplannen, het laatst gebeurde bovenaan")
    expect(closed.get_by_role("link", name=people[1].full_name)).to_be_visible()
    check(page, "mijn-ondersteuning-afgesloten")
    page.get_by_role("link", name="Volgende pagina").click()
    closed = page.get_by_role("table", name="2 afgesloten nazorgplannen, het laatst gebeurde bovenaan")
    expect(closed.get_by_role("link", name=people[0].full_name)).to_be_visible()
    expect(page.get_by_text("Pagina 2 van 2")).to_be_visible()
