"""Jubilees: the medal that applies, the manager's list, the one reminder, "arranged", the own jubilee."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from organisation.constants import Role
from recognition import reminders
from recognition.constants import Medal, Milestone
from recognition.jubilees import add_months, medal_for, next_jubilee
from recognition.models import Jubilee, JubileeReminder
from recognition.tests.factories import person_with_jubilee

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
TODAY = NOW.date()


def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_short_month() -> None:
    assert add_months(date(2001, 9, 1), 150) == date(2014, 3, 1)
    assert add_months(date(2000, 8, 31), 6) == date(2001, 2, 28)
    assert add_months(date(2027, 3, 31), -300) == date(2002, 3, 31)


def test_each_appointment_type_gets_its_own_medal() -> None:
    assert medal_for("politieambtenaar") == Medal.POLITIEMEDAILLE
    assert medal_for("ath_boa") == Medal.POLITIEMEDAILLE
    assert medal_for("ath") == Medal.LEGPENNING
    assert medal_for("vrijwilliger") == Medal.VRIJWILLIGERSMEDAILLE
    assert medal_for("") is None


def test_the_next_jubilee_is_12_and_a_half_then_25_then_40_years() -> None:
    start = date(2000, 1, 15)
    assert next_jubilee(start, "ath", date(2010, 1, 1)) is not None
    assert next_jubilee(start, "ath", date(2010, 1, 1)).on == date(2012, 7, 15)  # type: ignore[union-attr]
    assert next_jubilee(start, "ath", date(2012, 7, 16)).milestone == Milestone.YEARS_25  # type: ignore[union-attr]
    assert next_jubilee(start, "ath", date(2040, 1, 16)) is None


@pytest.mark.django_db
def test_25_years_in_30_days_appear_on_the_managers_list_with_the_medal_that_applies(
    organisation: Any, login_as: Any
) -> None:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    on = TODAY + timedelta(days=30)
    officer = person_with_jubilee(on=on, years=25, appointment_type="politieambtenaar", team=organisation.team)
    ath = person_with_jubilee(on=on, years=25, appointment_type="ath", manager=manager, team=organisation.other_team)
    volunteer = person_with_jubilee(on=on, years=25, appointment_type="vrijwilliger", team=organisation.team)
    elsewhere = person_with_jubilee(on=on, years=25, appointment_type="ath", team=organisation.other_team)
    with time_machine.travel(NOW, tick=False):
        page = login_as(organisation.users[Role.LEIDINGGEVENDE]).get(reverse("recognition:team")).content.decode()
    for person, medal in ((officer, "Politiemedaille"), (ath, "Legpenning"), (volunteer, "Vrijwilligersmedaille")):
        heading = f"{person.full_name}: 25 jaar in dienst"
        assert heading in page
        assert medal in page.split(heading, 1)[1].split("</dl>", 1)[0]
    assert "31 maart 2027" in page
    assert elsewhere.full_name not in page  # neither in the team nor a direct report


@pytest.mark.django_db
def test_the_reminder_reaches_the_manager_exactly_once(organisation: Any) -> None:
    manager = organisation.people[Role.LEIDINGGEVENDE]
    manager.email = "chef@example.org"
    manager.save()
    person = person_with_jubilee(
        on=TODAY + timedelta(days=30), years=25, appointment_type="politieambtenaar", manager=manager
    )
    with time_machine.travel(NOW - timedelta(weeks=9), tick=False):
        assert reminders.jubilee_scan().reminders == 0  # further away than the 8 weeks
    with time_machine.travel(NOW, tick=False), pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda func, using=None, robust=False: func())
        assert reminders.jubilee_scan().reminders == 1
        assert reminders.jubilee_scan().reminders == 0
        assert reminders.remind(person_id=person.pk, milestone=300) is False
    assert JubileeReminder.objects.filter(jubilee__person=person).count() == 1
    assert [message.to for message in mail.outbox] == [["chef@example.org"]]
    assert person.full_name not in mail.outbox[0].body  # only a pointer to Zorgwijzer


@pytest.mark.django_db
def test_the_reminder_weeks_are_configurable(organisation: Any, settings: Any) -> None:
    settings.RECOGNITION_JUBILEE_REMINDER_WEEKS = 2
    manager = organisation.people[Role.LEIDINGGEVENDE]
    manager.email = "chef@example.org"
    manager.save()
    person_with_jubilee(on=TODAY + timedelta(days=30), years=12.5, appointment_type="ath", manager=manager)
    with time_machine.travel(NOW, tick=False):
        assert reminders.jubilee_scan().reminders == 0
    with time_machine.travel(NOW + timedelta(days=17), tick=False):
        assert reminders.jubilee_scan().reminders == 1


@pytest.mark.django_db
def test_the_manager_records_arranged_and_the_list_says_so(organisation: Any, login_as: Any) -> None:
    person = person_with_jubilee(
        on=TODAY + timedelta(days=30), years=40, appointment_type="ath_boa", team=organisation.team
    )
    with time_machine.travel(NOW, tick=False):
        client = login_as(organisation.users[Role.LEIDINGGEVENDE])
        response = client.post(reverse("recognition:jubilee_arranged", args=[person.pk, 480]), follow=True)
    record = Jubilee.objects.get(person=person, milestone=480)
    assert record.arranged_at is not None and record.medal == Medal.POLITIEMEDAILLE
    assert "Geregeld op 1 maart 2027" in response.content.decode()


@pytest.mark.django_db
def test_a_manager_cannot_arrange_the_jubilee_of_someone_outside_their_people(organisation: Any, login_as: Any) -> None:
    person = person_with_jubilee(
        on=TODAY + timedelta(days=30), years=25, appointment_type="ath", team=organisation.other_team
    )
    response = login_as(organisation.users[Role.LEIDINGGEVENDE]).post(
        reverse("recognition:jubilee_arranged", args=[person.pk, 300])
    )
    assert response.status_code == 404
    assert not Jubilee.objects.exists()


@pytest.mark.django_db
def test_the_employee_sees_their_own_upcoming_jubilee(organisation: Any, login_as: Any) -> None:
    me = organisation.people[Role.MEDEWERKER]
    me.service_start_date = add_months(TODAY + timedelta(days=20), -150)
    me.appointment_type = "ath"
    me.save()
    with time_machine.travel(NOW, tick=False):
        page = login_as(organisation.users[Role.MEDEWERKER]).get(reverse("recognition:index")).content.decode()
    assert "Op 21 maart 2027 ben je 12½ jaar in dienst." in page
    assert "Daarbij hoort de Legpenning." in page
