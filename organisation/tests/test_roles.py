"""Role management: the functioneel beheerder grants and revokes roles, with scope rules and an audit trail."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

import access
from conftest import Organisation
from core.models import AuditAction, AuditEvent
from organisation import services
from organisation.constants import Role
from organisation.models import Person, RoleAssignment
from organisation.tests.factories import PersonFactory, RoleAssignmentFactory, UserFactory

GRANT_URL = reverse("organisation:role_grant")
ROLES_URL = reverse("organisation:roles")


@pytest.fixture
def beheerder(organisation: Organisation) -> Any:
    return organisation.users[Role.FUNCTIONEEL_BEHEERDER]


@pytest.fixture
def newcomer(organisation: Organisation) -> Any:
    """A person from the HR import who has never logged in: no account yet."""
    return PersonFactory(team=organisation.team, employee_number="777001", first_name="Noor", last_name="Nieuw")


def grant_errors(**kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        services.role_grant(actor=None, **kwargs)
    return caught.value.message_dict


def post_grant(client: Any, **data: str) -> Any:
    return client.post(GRANT_URL, data=data)


# --- granting ------------------------------------------------------------------------------


def test_a_grant_creates_the_assignment_and_an_audit_row_naming_the_person(
    organisation: Organisation, beheerder: Any
) -> None:
    person = organisation.people["outsider"]
    user = UserFactory(username="buiten")
    Person.objects.filter(pk=person.pk).update(user=user)
    person.refresh_from_db()

    assignment = services.role_grant(actor=beheerder, person=person, role=Role.BMW, unit=organisation.unit)

    assert (assignment.user, assignment.role, assignment.unit) == (user, Role.BMW, organisation.unit)
    event = AuditEvent.objects.get(object_type="organisation.roleassignment", action=AuditAction.CREATE)
    assert event.object_id == str(assignment.pk)
    assert event.subject_employee_number == person.employee_number
    assert event.actor_username == beheerder.username
    assert event.fields == ["role", "unit"]


def test_a_person_without_account_gets_one_with_the_employee_number_and_no_usable_password(
    organisation: Organisation, beheerder: Any, newcomer: Person
) -> None:
    services.role_grant(actor=beheerder, person=newcomer, role=Role.LEIDINGGEVENDE, node=organisation.team)

    newcomer.refresh_from_db()
    assert newcomer.user is not None
    assert newcomer.user.username == "777001"
    assert not newcomer.user.has_usable_password()
    assert newcomer.user.role_assignments.get().node == organisation.team
    trail = AuditEvent.objects.filter(subject_employee_number="777001")
    assert set(trail.values_list("object_type", "action")) == {
        ("auth.user", AuditAction.CREATE),
        ("organisation.person", AuditAction.UPDATE),
        ("organisation.roleassignment", AuditAction.CREATE),
    }
    assert trail.get(object_type="organisation.person").fields == ["user"]


def test_an_unlinked_account_with_the_employee_number_is_reused_rather_than_duplicated(
    beheerder: Any, newcomer: Person
) -> None:
    existing: Any = UserFactory(username="777001", password="!")  # made for single sign-on: no password

    services.role_grant(actor=beheerder, person=newcomer, role=Role.INHOUDSBEHEERDER)

    newcomer.refresh_from_db()
    assert newcomer.user == existing
    assert get_user_model().objects.filter(username="777001").count() == 1


@pytest.mark.parametrize("in_use_by", ["password", "role"])
def test_an_unlinked_account_with_a_password_or_roles_is_not_taken_over_by_a_grant(
    organisation: Organisation, beheerder: Any, newcomer: Person, in_use_by: str
) -> None:
    no_password = {"password": "!"} if in_use_by == "role" else {}
    existing: Any = UserFactory(username="777001", **no_password)
    if in_use_by == "role":
        RoleAssignmentFactory(user=existing, role=Role.BMW, unit=organisation.unit)
    assert existing.has_usable_password() is (in_use_by == "password")

    errors = grant_errors(person=newcomer, role=Role.INHOUDSBEHEERDER)

    assert errors["employee_number"] == [
        "Er bestaat al een account '777001' met een wachtwoord of rollen dat niet aan deze medewerker is "
        "gekoppeld. Koppel het eerst via de functioneel beheerder."
    ]
    newcomer.refresh_from_db()
    assert newcomer.user is None
    assert not RoleAssignment.objects.filter(user=existing, role=Role.INHOUDSBEHEERDER).exists()


def test_an_account_with_the_number_that_belongs_to_someone_else_is_refused(
    organisation: Organisation, newcomer: Person
) -> None:
    other: Any = UserFactory(username="777001")
    PersonFactory(team=organisation.team, user=other)

    errors = grant_errors(person=newcomer, role=Role.INHOUDSBEHEERDER)

    assert "andere medewerker" in errors["employee_number"][0]
    assert not RoleAssignment.objects.filter(role=Role.INHOUDSBEHEERDER, user=other).exists()


@pytest.mark.parametrize(
    ("role", "scope", "field", "fragment"),
    [
        (Role.LEIDINGGEVENDE, {}, "node", "Een leidinggevende heeft een organisatieonderdeel nodig"),
        (Role.LEIDINGGEVENDE, {"unit": True}, "node", "Een leidinggevende heeft een organisatieonderdeel nodig"),
        (Role.COORDINATOR_TCO, {}, "unit", "heeft een eenheid of een organisatieonderdeel nodig"),
        (Role.COLLEGIAAL_ONDERSTEUNER, {}, "unit", "heeft een eenheid of een organisatieonderdeel nodig"),
        (Role.BEDRIJFSARTS, {}, "unit", "heeft een eenheid of een organisatieonderdeel nodig"),
        (Role.HR_ANALIST, {}, "unit", "heeft een eenheid of een organisatieonderdeel nodig"),
        (Role.FUNCTIONEEL_BEHEERDER, {"unit": True}, "unit", "geldt voor heel Zorgwijzer"),
        (Role.INHOUDSBEHEERDER, {"node": True}, "node", "geldt voor heel Zorgwijzer"),
        (Role.MEDEWERKER, {}, "role", "Iedereen met een account is al medewerker"),
        (Role.BMW, {"unit": True, "node": True}, "node", "niet allebei"),
    ],
)
def test_a_role_with_the_wrong_scope_is_refused_with_a_message_at_the_field(
    organisation: Organisation, newcomer: Person, role: str, scope: dict[str, bool], field: str, fragment: str
) -> None:
    objects = {"unit": organisation.unit, "node": organisation.team}
    errors = grant_errors(person=newcomer, role=role, **{name: objects[name] for name in scope})

    assert list(errors) == [field]
    assert fragment in errors[field][0]
    newcomer.refresh_from_db()
    assert newcomer.user is None  # nothing written, not even the account


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.COORDINATOR_TCO, "unit"),
        (Role.CASEMANAGER, "node"),
        (Role.HR_ANALIST, "unit"),
        (Role.LEIDINGGEVENDE, "node"),
        (Role.FUNCTIONEEL_BEHEERDER, None),
    ],
)
def test_a_role_with_a_fitting_scope_is_granted(
    organisation: Organisation, newcomer: Person, role: str, scope: str | None
) -> None:
    objects = {"unit": organisation.unit, "node": organisation.team}
    kwargs = {scope: objects[scope]} if scope else {}
    assignment = services.role_grant(actor=None, person=newcomer, role=role, **kwargs)
    stored = RoleAssignment.objects.get(pk=assignment.pk)
    newcomer.refresh_from_db()  # granting a role gives a person without an account one
    assert newcomer.user_id is not None
    assert (stored.user_id, stored.role) == (newcomer.user_id, role)
    assert stored.unit == (organisation.unit if scope == "unit" else None)
    assert stored.node == (organisation.team if scope == "node" else None)
    # The new role counts at once: the person's next request sees it.
    assert role in access.roles_of(get_user_model().objects.get(pk=stored.user_id))


def test_granting_the_same_role_and_scope_twice_says_it_already_exists(
    organisation: Organisation, newcomer: Person
) -> None:
    services.role_grant(actor=None, person=newcomer, role=Role.INHOUDSBEHEERDER)
    errors = grant_errors(person=newcomer, role=Role.INHOUDSBEHEERDER)
    assert "heeft deze rol met deze reikwijdte al" in errors["role"][0]
    # The same role in another scope is a separate grant.
    services.role_grant(actor=None, person=newcomer, role=Role.LEIDINGGEVENDE, node=organisation.team)
    services.role_grant(actor=None, person=newcomer, role=Role.LEIDINGGEVENDE, node=organisation.other_team)
    assert RoleAssignment.objects.filter(user__person=newcomer).count() == 3


def test_someone_no_longer_in_service_gets_no_role(newcomer: Person) -> None:
    Person.objects.filter(pk=newcomer.pk).update(is_active=False)
    errors = grant_errors(person=newcomer, role=Role.INHOUDSBEHEERDER)
    assert "niet meer in dienst" in errors["employee_number"][0]


# --- revoking ------------------------------------------------------------------------------


def test_revoking_removes_the_assignment_and_records_who_lost_which_role(
    organisation: Organisation, beheerder: Any
) -> None:
    assignment = organisation.users[Role.LEIDINGGEVENDE].role_assignments.get()

    services.role_revoke(actor=beheerder, assignment=assignment)

    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.DELETE, object_type="organisation.roleassignment")
    assert event.subject_employee_number == organisation.people[Role.LEIDINGGEVENDE].employee_number
    assert event.fields == ["node", "role"]
    assert event.actor_username == beheerder.username


def test_a_beheerder_cannot_revoke_their_own_beheerder_role(beheerder: Any) -> None:
    own = beheerder.role_assignments.get(role=Role.FUNCTIONEEL_BEHEERDER)
    with pytest.raises(ValidationError) as caught:
        services.role_revoke(actor=beheerder, assignment=own)
    assert "eigen rol van functioneel beheerder" in caught.value.messages[0]
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_a_beheerder_can_revoke_another_beheerder(organisation: Organisation, beheerder: Any) -> None:
    other: Any = RoleAssignmentFactory(user=UserFactory(), role=Role.FUNCTIONEEL_BEHEERDER)
    services.role_revoke(actor=beheerder, assignment=other)
    assert not RoleAssignment.objects.filter(pk=other.pk).exists()


# --- pages ---------------------------------------------------------------------------------


def test_the_grant_form_grants_and_says_an_account_was_made(
    organisation: Organisation, beheerder: Any, newcomer: Person, login_as: Any
) -> None:
    client = login_as(beheerder)
    response = post_grant(client, employee_number=" 777001 ", role=Role.LEIDINGGEVENDE, node="TNOORD")
    assert response.status_code == 302 and response["Location"] == ROLES_URL
    page = client.get(ROLES_URL).content.decode()
    assert "Noor Nieuw heeft nu de rol Leidinggevende" in page
    assert "Er is een account aangemaakt" in page
    event = AuditEvent.objects.get(object_type="organisation.roleassignment", action=AuditAction.CREATE)
    assert event.path == GRANT_URL and event.request_id


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"employee_number": "000000", "role": "bmw"}, "employee_number", "Er is geen medewerker met personeelsnummer"),
        ({"employee_number": "777001", "role": "leidinggevende"}, "node", "heeft een organisatieonderdeel nodig"),
        ({"employee_number": "777001", "role": "bmw", "node": "GEEN"}, "node", "Er is geen organisatieonderdeel"),
        ({"employee_number": "777001", "role": "medewerker"}, "role", "al medewerker"),
        ({"employee_number": "777001", "role": "functioneel_beheerder", "unit": "testeenheid"}, "unit", "heel"),
    ],
)
def test_the_grant_form_shows_dutch_messages_at_the_field(
    beheerder: Any, newcomer: Person, login_as: Any, data: dict[str, str], field: str, message: str
) -> None:
    response = post_grant(login_as(beheerder), **data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    assert f'id="id_{field}-error"' in response.content.decode()
    assert not RoleAssignment.objects.filter(user__person=newcomer).exists()


def test_the_role_list_filters_by_role_unit_and_search(
    organisation: Organisation, beheerder: Any, login_as: Any
) -> None:
    client = login_as(beheerder)
    bmw = organisation.people[Role.BMW].employee_number

    def shown(**params: str) -> set[str]:
        page = client.get(ROLES_URL, params).context["page"]
        return {assignment.role for assignment in page.object_list}

    assert shown(rol="bmw") == {Role.BMW}
    assert shown(zoek=bmw) == {Role.BMW}
    assert shown(zoek="persona") == set(Role.values) - {Role.MEDEWERKER}
    assert shown(eenheid="testeenheid") == set(Role.values) - {
        Role.MEDEWERKER,
        Role.FUNCTIONEEL_BEHEERDER,
        Role.INHOUDSBEHEERDER,
    }


def test_the_role_list_answers_htmx_with_only_the_results(beheerder: Any, login_as: Any) -> None:
    response = login_as(beheerder).get(ROLES_URL, {"rol": "bmw"}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert 'data-testid="role-assignments"' in content
    assert "<html" not in content


def test_the_role_list_uses_a_fixed_number_of_queries(
    organisation: Organisation, beheerder: Any, login_as: Any, django_assert_max_num_queries: Any
) -> None:
    client = login_as(beheerder)
    client.get(ROLES_URL)  # warm up session and caches
    for _ in range(30):
        person: Any = PersonFactory(team=organisation.team, user=UserFactory())
        RoleAssignmentFactory(user=person.user, role=Role.BMW, unit=organisation.unit)
    with django_assert_max_num_queries(10):
        response = client.get(ROLES_URL)
    assert len(response.context["page"].object_list) == 30 + len(Role) - 1  # the fixture: one per role


def test_the_revoke_page_asks_first_and_revokes_on_post(
    organisation: Organisation, beheerder: Any, login_as: Any
) -> None:
    client = login_as(beheerder)
    assignment = organisation.users[Role.BMW].role_assignments.get()
    url = reverse("organisation:role_revoke", kwargs={"pk": assignment.pk})

    confirm = client.get(url)
    assert "Ja, rol intrekken" in confirm.content.decode()
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()

    response = client.post(url)
    assert response.status_code == 302
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def test_the_revoke_page_refuses_the_beheerders_own_role(beheerder: Any, login_as: Any) -> None:
    client = login_as(beheerder)
    own = beheerder.role_assignments.get()
    url = reverse("organisation:role_revoke", kwargs={"pk": own.pk})
    for response in (client.get(url), client.post(url)):
        content = response.content.decode()
        assert response.status_code == 200
        assert "Je kunt je eigen rol van functioneel beheerder niet intrekken" in content
        assert "Ja, rol intrekken" not in content
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.HR_ANALIST, Role.INHOUDSBEHEERDER])
def test_other_roles_get_403_and_change_nothing(
    organisation: Organisation, newcomer: Person, login_as: Any, role: str
) -> None:
    client = login_as(organisation.users[role])
    target = organisation.users[Role.BMW].role_assignments.get()
    revoke_url = reverse("organisation:role_revoke", kwargs={"pk": target.pk})
    assert client.get(ROLES_URL).status_code == 403
    assert post_grant(client, employee_number="777001", role="inhoudsbeheerder").status_code == 403
    assert client.post(revoke_url).status_code == 403
    assert RoleAssignment.objects.filter(pk=target.pk).exists()
    assert not RoleAssignment.objects.filter(user__person=newcomer).exists()


def test_the_navigation_shows_roles_only_to_the_beheerder(organisation: Organisation, login_as: Any) -> None:
    assert ROLES_URL in login_as(organisation.users[Role.FUNCTIONEEL_BEHEERDER]).get("/").content.decode()
    assert ROLES_URL not in login_as(organisation.users[Role.BMW]).get("/").content.decode()


# --- command -------------------------------------------------------------------------------


def run_command(*args: str) -> str:
    out = io.StringIO()
    call_command("assign_role", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_command_makes_the_first_beheerder_and_revokes_again(newcomer: Person) -> None:
    output = run_command("777001", "functioneel_beheerder")
    assert "Account '777001' aangemaakt" in output
    newcomer.refresh_from_db()
    assert newcomer.user is not None
    assert newcomer.user.role_assignments.get().role == Role.FUNCTIONEEL_BEHEERDER
    assert AuditEvent.objects.filter(object_type="organisation.roleassignment", actor__isnull=True).count() == 1

    assert "ingetrokken" in run_command("777001", "functioneel_beheerder", "--revoke")
    assert not RoleAssignment.objects.filter(user=newcomer.user).exists()


def test_the_command_takes_a_unit_or_node_scope(organisation: Organisation, newcomer: Person) -> None:
    run_command("777001", "coordinator_tco", "--unit", "testeenheid")
    run_command("777001", "leidinggevende", "--node", "TNOORD")
    scopes = set(RoleAssignment.objects.filter(user__person=newcomer).values_list("role", "unit__code", "node__code"))
    assert scopes == {("coordinator_tco", "testeenheid", None), ("leidinggevende", None, "TNOORD")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["999999", "bmw", "--unit", "testeenheid"], "Er is geen medewerker met personeelsnummer '999999'"),
        (["777001", "baas"], "'baas' is geen rol"),
        (["777001", "bmw"], "heeft een eenheid of een organisatieonderdeel nodig"),
        (["777001", "bmw", "--unit", "nergens"], "Er is geen eenheid met code 'nergens'"),
        (["777001", "bmw", "--unit", "testeenheid", "--revoke"], "heeft de rol Bedrijfsmaatschappelijk werker niet"),
    ],
)
def test_the_command_explains_what_is_wrong(
    organisation: Organisation, newcomer: Person, args: list[str], message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        run_command(*args)


def test_a_beheerder_cannot_grant_themselves_a_role(organisation: Organisation, beheerder: Any) -> None:
    own = organisation.people[Role.FUNCTIONEEL_BEHEERDER]
    with pytest.raises(ValidationError) as refused:
        services.role_grant(actor=beheerder, person=own, role=Role.KLACHTCOORDINATOR, unit=organisation.unit)
    assert "Je kunt jezelf geen rol geven" in str(refused.value.message_dict["employee_number"])
    assert not RoleAssignment.objects.filter(user=beheerder, role=Role.KLACHTCOORDINATOR).exists()


# --- picking a person and a team by searching ---------------------------------------------

PICKER_URL = reverse("organisation:role_picker")


def test_the_person_search_lists_matching_people_in_service_as_choices(
    organisation: Organisation, beheerder: Any, newcomer: Person, login_as: Any
) -> None:
    PersonFactory(
        team=organisation.team, employee_number="777002", first_name="Noor", last_name="Vertrokken", is_active=False
    )
    response = login_as(beheerder).get(PICKER_URL, {"soort": "persoon", "persoon_zoek": "noor"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="radio" name="employee_number"' in html and 'value="777001"' in html
    assert "Noor Nieuw (777001)" in html
    assert "777002" not in html  # no longer in service: cannot get a role
    assert "<html" not in html


def test_the_team_search_finds_a_team_by_part_of_its_name(
    organisation: Organisation, beheerder: Any, login_as: Any
) -> None:
    team = organisation.team
    word = team.name.split()[-1]
    response = login_as(beheerder).get(PICKER_URL, {"soort": "onderdeel", "onderdeel_zoek": word})
    html = response.content.decode()
    assert f'name="node" id="id_node_1" value="{team.code}"' in html
    assert "Geen organisatieonderdeel" in html


def test_searching_without_javascript_shows_results_keeps_the_choices_and_grants_nothing(
    organisation: Organisation, beheerder: Any, newcomer: Person, login_as: Any
) -> None:
    response = post_grant(login_as(beheerder), zoek="persoon", persoon_zoek="Nieuw", role=Role.BMW, unit="testeenheid")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Noor Nieuw (777001)" in html
    assert '<option value="bmw" selected>' in html
    assert "utrecht-form-field-error-message" not in html  # a search is not a failed grant
    assert not RoleAssignment.objects.filter(user__person=newcomer).exists()


def test_a_chosen_person_stays_chosen_when_the_search_changes(
    organisation: Organisation, beheerder: Any, newcomer: Person, login_as: Any
) -> None:
    response = post_grant(login_as(beheerder), zoek="persoon", persoon_zoek="iemand-anders", employee_number="777001")
    assert 'value="777001" checked' in response.content.decode()


def test_an_unknown_picker_is_a_bad_request_and_others_may_not_search(
    organisation: Organisation, beheerder: Any, login_as: Any
) -> None:
    assert login_as(beheerder).get(PICKER_URL, {"soort": "wachtwoord"}).status_code == 400
    medewerker = login_as(organisation.users[Role.MEDEWERKER])
    assert medewerker.get(PICKER_URL, {"soort": "persoon", "persoon_zoek": "persona"}).status_code == 403


def test_the_grant_form_refuses_a_role_for_the_beheerder_themselves_at_the_person(
    organisation: Organisation, beheerder: Any, login_as: Any
) -> None:
    own = organisation.people[Role.FUNCTIONEEL_BEHEERDER].employee_number
    response = post_grant(login_as(beheerder), employee_number=own, role=Role.KLACHTCOORDINATOR, unit="testeenheid")
    assert response.status_code == 200
    assert "Je kunt jezelf geen rol geven" in response.content.decode()
    assert 'id="id_employee_number-error"' in response.content.decode()
    assert not RoleAssignment.objects.filter(user=beheerder, role=Role.KLACHTCOORDINATOR).exists()
