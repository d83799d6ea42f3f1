"""``manage.py demo``: a repeatable demo organisation with one login per role, never in production."""

from __future__ import annotations

import io
import stat
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.models import AuditEvent
from organisation.constants import Role
from organisation.models import OrgNode, Person, RoleAssignment


@pytest.fixture
def demo_settings(settings: Any, tmp_path: Any) -> Any:
    settings.DEBUG = True
    settings.DEMO_MODE = False
    settings.VAR_DIR = tmp_path
    return settings


def run_demo(*args: str) -> str:
    """The organisation part of the demo; the modules' data is tested in tests/test_demo_every_module.py."""
    out = io.StringIO()
    call_command("demo", "--organisation-only", *args, stdout=out)
    return out.getvalue()


def _snapshot() -> tuple[Any, ...]:
    users = get_user_model().objects.filter(username__startswith="demo-")
    return (
        sorted(Person.objects.values_list("employee_number", "first_name", "last_name", "team_id", "manager_id")),
        sorted(OrgNode.objects.values_list("code", "parent_id", "name")),
        sorted(users.values_list("username", "password")),
        sorted(RoleAssignment.objects.values_list("user__username", "role", "unit_id", "node_id")),
        AuditEvent.objects.count(),
    )


@pytest.mark.django_db
def test_demo_creates_an_organisation_and_one_account_per_role(demo_settings: Any) -> None:
    output = run_demo()
    assert 180 <= Person.objects.count() <= 260
    assert OrgNode.objects.filter(kind="district").count() >= 8
    assert OrgNode.objects.filter(kind="afdeling").exists()
    for role in Role:
        user = get_user_model().objects.get(username=f"demo-{role.value}")
        assert Person.objects.filter(user=user).exists()
        assert f"demo-{role.value}" in output
        if role != Role.MEDEWERKER:
            assert RoleAssignment.objects.filter(user=user, role=role).exists()


@pytest.mark.django_db
def test_demo_leidinggevende_leads_a_team_whose_members_report_to_them(demo_settings: Any) -> None:
    run_demo()
    assignment = RoleAssignment.objects.get(user__username="demo-leidinggevende")
    leader = Person.objects.get(user__username="demo-leidinggevende")
    members = Person.objects.filter(team=assignment.node).exclude(pk=leader.pk)
    assert members.count() >= 3
    assert set(members.values_list("manager_id", flat=True)) == {leader.pk}
    assert Person.objects.get(user__username="demo-medewerker").manager == leader
    coordinator = RoleAssignment.objects.get(user__username="demo-coordinator_tco")
    assert coordinator.unit is not None and coordinator.unit.code == "amsterdam"


@pytest.mark.django_db
def test_running_demo_twice_changes_nothing(demo_settings: Any) -> None:
    run_demo()
    before = _snapshot()
    output = run_demo()
    assert _snapshot() == before
    assert "ongewijzigd" in output
    assert "(0 nieuw, 0 gewijzigd)" in output


@pytest.mark.django_db
def test_password_is_kept_in_a_private_file_and_printed_only_in_demo_mode(demo_settings: Any) -> None:
    output = run_demo()
    path = demo_settings.VAR_DIR / "demo-password.txt"
    password = path.read_text().strip()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert password not in output
    assert get_user_model().objects.get(username="demo-bmw").check_password(password)
    demo_settings.DEMO_MODE = True
    assert password in run_demo()


@pytest.mark.django_db
def test_reset_passwords_gives_every_demo_account_a_new_password(demo_settings: Any) -> None:
    run_demo()
    old = (demo_settings.VAR_DIR / "demo-password.txt").read_text().strip()
    run_demo("--reset-passwords")
    new = (demo_settings.VAR_DIR / "demo-password.txt").read_text().strip()
    assert new != old
    user = get_user_model().objects.get(username="demo-functioneel_beheerder")
    assert user.check_password(new)
    assert not user.check_password(old)


@pytest.mark.django_db
def test_demo_is_refused_when_debug_is_off(settings: Any, tmp_path: Any) -> None:
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError, match="DEBUG"):
        run_demo()
    assert not Person.objects.exists()
    assert not (tmp_path / "demo-password.txt").exists()
