"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Rows that need a record make it lazily: a live session made by the leidinggevende persona, a
change report of the medewerker persona to their manager (the leidinggevende persona), a session
request of the medewerker persona in the test unit, and a signal in the test unit.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import (
    ANONYMOUS,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    ROLES,
    Case,
    everyone,
    logged_in,
    only,
    only_found_by,
)


def matrix_session(org: Organisation) -> Any:
    from integrity import services
    from integrity.models import Card, LiveSession

    existing = LiveSession.objects.filter(facilitator=org.users[Role.LEIDINGGEVENDE]).first()
    if existing is not None:
        return existing
    return services.session_create(
        facilitator=org.users[Role.LEIDINGGEVENDE], title="Teamoverleg", cards=list(Card.objects.all()[:2])
    )


def matrix_report(org: Organisation) -> Any:
    from integrity import services
    from integrity.models import ChangeReport

    person = org.people[Role.MEDEWERKER]
    existing = ChangeReport.objects.filter(person=person).first()
    if existing is not None:
        return existing
    return services.report_create(person=person, category="financien", explanation="", actor=org.users[Role.MEDEWERKER])


def matrix_request(org: Organisation) -> Any:
    from integrity import services
    from integrity.models import SessionRequest

    existing = SessionRequest.objects.filter(requester=org.users[Role.MEDEWERKER]).first()
    if existing is not None:
        return existing
    return services.request_create(
        requester=org.users[Role.MEDEWERKER],
        unit=org.unit,
        group_name="Team Noord",
        group_kind="team",
        audience="blauw",
        session_type="dilemmatraining",
        learning_questions="Hoe gaan we om met informatie?",
        conditions_accepted=True,
    )


def matrix_signal(org: Organisation) -> Any:
    from integrity import services
    from integrity.models import IntegritySignal

    existing = IntegritySignal.objects.filter(unit=org.unit).first()
    if existing is not None:
        return existing
    return services.signal_create(
        unit=org.unit, source="melding", summary="Fictief signaal.", checklist={}, actor=org.users[Role.VIK_INTEGRITEIT]
    )


def matrix_survey_round(org: Organisation) -> Any:
    from integrity import services
    from integrity.models import SurveyRound

    existing = SurveyRound.objects.filter(unit=org.unit).first()
    if existing is not None:
        return existing
    return services.survey_round_open(unit=org.unit, title="Eerste kwartaal", actor=org.users[Role.VIK_INTEGRITEIT])


def first_card_pk() -> int:
    from integrity.models import Card

    card = Card.objects.order_by("number").first()
    assert card is not None, "the cards come with migration 0002"
    return card.pk


def facilitator_only() -> dict[str, str]:
    """The session's own facilitator; VIK prevention may facilitate but not this session (404)."""
    return {**only(Role.LEIDINGGEVENDE, Role.VIK_PREVENTIE), Role.VIK_PREVENTIE: NOT_FOUND}


def report_manager_only() -> dict[str, str]:
    return {**dict.fromkeys(ROLES, NOT_FOUND), ANONYMOUS: LOGIN, Role.LEIDINGGEVENDE: OK}


VIK = (Role.VIK_PREVENTIE, Role.VIK_INTEGRITEIT)

ROWS: dict[str, Case] = {
    "integrity:index": Case(everyone()),
    "integrity:library": Case(everyone(), data={"thema": "informatie"}),
    "integrity:card": Case(everyone(), kwargs=lambda org: {"slug": "dilemma-buren"}),
    "integrity:editor_list": Case(only(Role.INHOUDSBEHEERDER)),
    "integrity:card_edit": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"pk": first_card_pk()}),
    "integrity:sessions": Case(only(Role.LEIDINGGEVENDE, Role.VIK_PREVENTIE)),
    "integrity:session_new": Case(only(Role.LEIDINGGEVENDE, Role.VIK_PREVENTIE)),
    "integrity:session": Case(facilitator_only(), kwargs=lambda org: {"pk": matrix_session(org).pk}),
    "integrity:session_live": Case(facilitator_only(), kwargs=lambda org: {"pk": matrix_session(org).pk}),
    # Without a step the facilitator is sent back to the session with a message.
    "integrity:session_step": Case(
        facilitator_only(), method="post", kwargs=lambda org: {"pk": matrix_session(org).pk}
    ),
    "integrity:join": Case(everyone()),
    "integrity:participate": Case(everyone(), kwargs=lambda org: {"code": matrix_session(org).code}),
    "integrity:check": Case(everyone()),
    "integrity:report": Case(logged_in()),
    "integrity:report_verify": Case(logged_in(), data={"code": "AAAAA-22222"}),
    "integrity:reports_team": Case(only(Role.LEIDINGGEVENDE)),
    "integrity:report_detail": Case(
        only_found_by(Role.MEDEWERKER, Role.LEIDINGGEVENDE), kwargs=lambda org: {"pk": matrix_report(org).pk}
    ),
    # Without text the manager gets the form back with the error at the field.
    "integrity:report_follow_up": Case(
        report_manager_only(), method="post", kwargs=lambda org: {"pk": matrix_report(org).pk}
    ),
    "integrity:request_new": Case(logged_in()),
    "integrity:request_detail": Case(
        only_found_by(Role.MEDEWERKER, Role.VIK_PREVENTIE), kwargs=lambda org: {"pk": matrix_request(org).pk}
    ),
    "integrity:requests": Case(only(Role.VIK_PREVENTIE)),
    "integrity:request_plan": Case(
        only(Role.VIK_PREVENTIE),
        method="post",
        kwargs=lambda org: {"pk": matrix_request(org).pk},
        data={"planned_for": "2030-03-01"},
    ),
    "integrity:triage": Case(only(*VIK)),
    "integrity:signal_new": Case(only(*VIK)),
    "integrity:signal": Case(only_found_by(*VIK), kwargs=lambda org: {"pk": matrix_signal(org).pk}),
    # Without a rationale a VIK role gets the form back with the error at the field.
    "integrity:signal_decide": Case(
        only_found_by(*VIK), method="post", kwargs=lambda org: {"pk": matrix_signal(org).pk}
    ),
    # The screening questionnaire: VIK roles manage periods and read results, everyone else 404;
    # the questionnaire itself is public (no account).
    "integrity:survey_rounds": Case(only_found_by(*VIK)),
    "integrity:survey_round": Case(only_found_by(*VIK), kwargs=lambda org: {"pk": matrix_survey_round(org).pk}),
    "integrity:survey_round_close": Case(
        only_found_by(*VIK), method="post", kwargs=lambda org: {"pk": matrix_survey_round(org).pk}
    ),
    "integrity:survey": Case(everyone(), kwargs=lambda org: {"code": matrix_survey_round(org).code}),
    "integrity-survey-list": Case({**only_found_by(*VIK), ANONYMOUS: FORBIDDEN}),
    "integrity-survey-detail": Case(
        {**only_found_by(*VIK), ANONYMOUS: FORBIDDEN}, kwargs=lambda org: {"pk": matrix_survey_round(org).pk}
    ),
    "integrity-card-list": Case(everyone()),
    "integrity-card-detail": Case(everyone(), kwargs=lambda org: {"slug": "dilemma-buren"}),
    "integrity-theme-list": Case(everyone()),
}

#: Public pages: no one's personal data, so a care-data role may open them before the second factor.
TWO_FACTOR_EXEMPT: set[str] = {
    "integrity:index",
    "integrity:library",
    "integrity:card",
    "integrity:join",
    "integrity:participate",
    "integrity:check",
    "integrity:survey",
    "integrity-card-list",
    "integrity-card-detail",
    "integrity-theme-list",
}
