"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Rows that need a record make it lazily: the plain medewerker persona (manager: the leidinggevende
persona, who leads Team Noord, a top node of the unit, and so is the unit's leadership) with a
25-year jubilee in 30 days; a Blauw Hart for the medewerker from the outsider; an Eremedaille
nomination of the outsider by the medewerker.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import FORBIDDEN, Case, logged_in, only, only_found_by


def jubilee_kwargs(org: Organisation) -> dict[str, Any]:
    from django.utils import timezone

    from recognition.jubilees import add_months

    person = org.people[Role.MEDEWERKER]
    person.service_start_date = add_months(timezone.localdate() + timedelta(days=30), -300)
    person.appointment_type = "politieambtenaar"
    person.save()
    return {"person_pk": person.pk, "milestone": 300}


def heart_kwargs(org: Organisation) -> dict[str, Any]:
    from recognition.models import BlueHeart

    heart, _created = BlueHeart.objects.get_or_create(
        sender=org.people["outsider"], receiver=org.people[Role.MEDEWERKER], defaults={"message": "Dank je!"}
    )
    return {"pk": heart.pk}


def nomination_kwargs(org: Organisation) -> dict[str, Any]:
    from recognition.models import MedalNomination

    nomination, _created = MedalNomination.objects.get_or_create(
        nominator=org.people[Role.MEDEWERKER],
        nominee=org.people["outsider"],
        defaults={"unit": org.unit, "reason": "Uitzonderlijke inzet."},
    )
    return {"pk": nomination.pk}


ROWS: dict[str, Case] = {
    "recognition:index": Case(logged_in()),
    "recognition:page": Case(logged_in(), kwargs=lambda org: {"slug": "blauw-hart"}),
    "recognition:team": Case(only(Role.LEIDINGGEVENDE)),
    "recognition:jubilee_arranged": Case(only(Role.LEIDINGGEVENDE), method="post", kwargs=jubilee_kwargs),
    "recognition:medal_nominate": Case(logged_in()),
    "recognition:my_nominations": Case(logged_in()),
    "recognition:unit_nominations": Case(only(Role.LEIDINGGEVENDE)),
    "recognition:nomination": Case(
        {**only_found_by(Role.LEIDINGGEVENDE), **{r: "forbidden" for r in Role if r != Role.LEIDINGGEVENDE}},
        kwargs=nomination_kwargs,
    ),
    "recognition:team_award_nominate": Case(logged_in()),
    "recognition:team_awards": Case(only(Role.INHOUDSBEHEERDER)),
    "recognition:blue_hearts": Case(logged_in()),
    "recognition:blue_heart_send": Case(logged_in()),
    "recognition:blue_heart_share": Case(
        only_found_by(Role.MEDEWERKER), method="post", kwargs=heart_kwargs, data={"delen": "ja"}
    ),
    "recognition:manage": Case(only(Role.INHOUDSBEHEERDER)),
    "recognition:page_edit": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"slug": "blauw-hart"}),
    "recognition:page_history": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"slug": "blauw-hart"}),
    "recognition-page-list": Case(logged_in(anonymous=FORBIDDEN)),
    "recognition-page-detail": Case(logged_in(anonymous=FORBIDDEN), kwargs=lambda org: {"slug": "blauw-hart"}),
    "recognition-own-jubilee-list": Case(logged_in(anonymous=FORBIDDEN)),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
