"""Granting and revoking roles, and the demo accounts.

``role_grant`` and ``role_revoke`` hold the rules for who can hold which role in which scope;
the roles page, ``manage.py assign_role`` and ``manage.py demo`` all call them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core import audit
from core.models import AuditAction
from organisation import selectors
from organisation.constants import CARE_PROFESSIONAL_ROLES, CONFIDENTIAL_ROLES, Role
from organisation.models import OrgNode, Person, RoleAssignment, Unit

#: A node in a plan: ("id", pk) for a node that exists, ("new", index) for one the import creates.
NodeKey = tuple[str, int]


@dataclass(frozen=True)
class DemoAccount:
    """A demo login: ``demo-<role>``, linked to a person and holding one role in a scope."""

    role: str
    employee_number: str
    unit_code: str | None = None
    node_code: str | None = None

    @property
    def username(self) -> str:
        return f"demo-{self.role}"


@transaction.atomic
def demo_accounts_ensure(*, accounts: Sequence[DemoAccount], password_hash: str, reset_passwords: bool) -> int:
    """Create missing demo users, link them to their person and role; returns how many passwords were set.

    Existing users keep their password unless ``reset_passwords``. ``password_hash`` is hashed once by
    the caller, so creating eleven accounts does not cost eleven slow password hashes.
    """
    from django.contrib.auth import get_user_model

    from organisation.models import RoleAssignment

    user_model = get_user_model()
    people = Person.objects.in_bulk([account.employee_number for account in accounts], field_name="employee_number")
    existing = user_model.objects.in_bulk([account.username for account in accounts], field_name="username")
    passwords_set = 0
    for account in accounts:
        person = people[account.employee_number]
        user = existing.get(account.username)
        if user is None:
            user = user_model(username=account.username, first_name=person.first_name, last_name=person.last_name)
        if user.pk is None or reset_passwords:
            user.password = password_hash
            user.save()
            passwords_set += 1
            audit.record(action=AuditAction.UPDATE, obj=user, fields=["password"])
        if person.user_id != user.pk:
            Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
            Person.objects.filter(pk=person.pk).update(user=user)
            audit.log_change(actor=None, obj=person, fields=["user"])
        scope = _demo_scope(account)
        assignment, created = RoleAssignment.objects.get_or_create(user=user, role=account.role, **scope)
        if created:
            audit.log_change(actor=None, obj=assignment, action=AuditAction.CREATE, fields=["role", "unit", "node"])
    return passwords_set


def _demo_scope(account: DemoAccount) -> dict[str, Any]:
    if account.node_code:
        return {"unit": None, "node": OrgNode.objects.get(code=account.node_code)}
    if account.unit_code:
        return {"unit": Unit.objects.get(code=account.unit_code), "node": None}
    return {"unit": None, "node": None}


# --- roles ---------------------------------------------------------------------------------

#: Roles that act on the people of a unit, or of a node and everything below it.
UNIT_OR_NODE_ROLES: frozenset[str] = frozenset(
    {Role.COORDINATOR_TCO, Role.COLLEGIAAL_ONDERSTEUNER, Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES, *CONFIDENTIAL_ROLES}
)
#: Roles that hold for the whole of Zorgwijzer.
UNSCOPED_ROLES: frozenset[str] = frozenset({Role.FUNCTIONEEL_BEHEERDER, Role.INHOUDSBEHEERDER})


def role_scope_errors(*, role: str, unit: Unit | None, node: OrgNode | None) -> dict[str, str]:
    """Field → message for a role and scope that do not go together; empty when they do."""
    label = Role(role).label if role in Role.values else role
    if role == Role.MEDEWERKER:
        return {"role": _("Iedereen met een account is al medewerker; die rol hoef je niet toe te kennen.")}
    if role not in Role.values:
        return {"role": _("'%(role)s' is geen rol in Zorgwijzer.") % {"role": role}}
    if unit is not None and node is not None:
        return {"node": _("Kies een eenheid of een organisatieonderdeel, niet allebei.")}
    if role == Role.LEIDINGGEVENDE and node is None:
        message = _(
            "Een leidinggevende heeft een organisatieonderdeel nodig: de code van het team dat hij of zij leidt."
        )
        return {"node": message}
    if role in UNIT_OR_NODE_ROLES and unit is None and node is None:
        return {"unit": _("De rol %(role)s heeft een eenheid of een organisatieonderdeel nodig.") % {"role": label}}
    if role in UNSCOPED_ROLES and (unit is not None or node is not None):
        message = _("De rol %(role)s geldt voor heel Zorgwijzer en heeft geen eenheid of organisatieonderdeel.")
        return {"unit" if unit is not None else "node": message % {"role": label}}
    return {}


@transaction.atomic
def role_grant(
    *, actor: Any, person: Person, role: str, unit: Unit | None = None, node: OrgNode | None = None, request: Any = None
) -> RoleAssignment:
    """Give a person a role in a scope, creating their account first when they have none.

    Raises ``ValidationError`` with a message per form field (``employee_number``, ``role``,
    ``unit``, ``node``) when the role and scope do not go together or the grant already exists.
    """
    errors = role_scope_errors(role=role, unit=unit, node=node)
    if errors:
        raise ValidationError(errors)
    # The row lock makes concurrent grants for one person wait, so they cannot both create an account.
    person = Person.objects.select_for_update(of=("self",)).select_related("user").get(pk=person.pk)
    if not person.is_active:
        raise ValidationError({"employee_number": _("%(name)s is niet meer in dienst.") % {"name": person.full_name}})
    if person.user_id is not None and person.user_id == getattr(actor, "pk", None):
        # Four eyes: a beheerder who could grant themselves the klachtcoördinator or vertrouwenspersoon
        # role would reach complaints and anonymous reports on their own.
        message = _("Je kunt jezelf geen rol geven. Vraag een andere functioneel beheerder.")
        raise ValidationError({"employee_number": message})
    if person.user is not None and _role_exists(person.user, role, unit, node):
        message = _("%(name)s heeft deze rol met deze reikwijdte al.") % {"name": person.full_name}
        raise ValidationError({"role": message})
    user = person.user if person.user is not None else _account_create(person=person, actor=actor, request=request)
    assignment = RoleAssignment.objects.create(user=user, role=role, unit=unit, node=node)
    fields = ["role", *(["unit"] if unit else []), *(["node"] if node else [])]
    audit.log_change(
        actor=actor, obj=assignment, action=AuditAction.CREATE, fields=fields, person=person, request=request
    )
    return assignment


def _role_exists(user: Any, role: str, unit: Unit | None, node: OrgNode | None) -> bool:
    # Checked here as well as by the unique constraint: the database treats NULL scopes as distinct.
    return RoleAssignment.objects.filter(user=user, role=role, unit=unit, node=node).exists()


def _account_create(*, person: Person, actor: Any, request: Any) -> Any:
    """An account for a person without one: username = employee number, no usable password.

    The person logs in by single sign-on (which finds this account by its username), or the
    functioneel beheerder sets a password later. An unlinked account with that username is reused
    only when it has no password and no roles: otherwise granting a role would hand someone
    else's access to this person.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(username=person.employee_number, person__isnull=True).first()
    if user is not None and selectors.account_in_use(user):
        message = _(
            "Er bestaat al een account '%(username)s' met een wachtwoord of rollen dat niet aan deze "
            "medewerker is gekoppeld. Koppel het eerst via de functioneel beheerder."
        )
        raise ValidationError({"employee_number": message % {"username": person.employee_number}})
    if user is None:
        if user_model.objects.filter(username=person.employee_number).exists():
            message = _("Er is al een account '%(username)s' dat bij een andere medewerker hoort.")
            raise ValidationError({"employee_number": message % {"username": person.employee_number}})
        user = user_model.objects.create_user(
            username=person.employee_number,
            email=person.email,
            first_name=person.first_name,
            last_name=person.last_name,
        )
        audit.log_change(
            actor=actor, obj=user, action=AuditAction.CREATE, fields=["username"], person=person, request=request
        )
    person.user = user
    person.save(update_fields=["user"])
    audit.log_change(actor=actor, obj=person, fields=["user"], request=request)
    return user


def role_revoke_refusal(*, actor: Any, assignment: RoleAssignment) -> str | None:
    """Why this actor may not revoke this assignment, or None when they may."""
    own = actor is not None and assignment.user_id == getattr(actor, "pk", None)
    if own and assignment.role == Role.FUNCTIONEEL_BEHEERDER:
        # Keeps a beheerder from locking themselves (and perhaps everyone) out of role management.
        return _(
            "Je kunt je eigen rol van functioneel beheerder niet intrekken. "
            "Vraag dat aan een andere functioneel beheerder."
        )
    return None


@transaction.atomic
def role_revoke(*, actor: Any, assignment: RoleAssignment, request: Any = None) -> None:
    """Take a role away. Raises ``ValidationError`` when it may not be revoked or is already gone."""
    refusal = role_revoke_refusal(actor=actor, assignment=assignment)
    if refusal:
        raise ValidationError(refusal)
    current = RoleAssignment.objects.select_for_update().filter(pk=assignment.pk).first()
    if current is None:
        raise ValidationError(_("Deze roltoekenning bestaat niet meer."))
    person = Person.objects.filter(user_id=current.user_id).first()
    fields = ["role", *(["unit"] if current.unit_id else []), *(["node"] if current.node_id else [])]
    audit.log_change(actor=actor, obj=current, action=AuditAction.DELETE, fields=fields, person=person, request=request)
    current.delete()
