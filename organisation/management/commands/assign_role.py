"""``manage.py assign_role EMPLOYEE_NUMBER ROLE [--unit CODE | --node CODE] [--revoke]``.

Grants (or revokes) a role through the same services as the roles page, so the same rules and
audit rows apply. Its main use is making the first functioneel beheerder of an installation;
see docs/roles.md.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from organisation import services
from organisation.constants import Role
from organisation.models import OrgNode, Person, RoleAssignment, Unit


class Command(BaseCommand):
    help = "Kent een rol toe aan een medewerker (of trekt die in met --revoke). Zie docs/roles.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("employee_number", help="Het personeelsnummer van de medewerker.")
        parser.add_argument("role", help=f"De rol: {', '.join(Role.values)}.")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--unit", metavar="CODE", help="De code van de eenheid (bijvoorbeeld 'amsterdam').")
        scope.add_argument("--node", metavar="CODE", help="De code van het organisatieonderdeel (de teamcode).")
        parser.add_argument("--revoke", action="store_true", help="De rol intrekken in plaats van toekennen.")

    def handle(
        self,
        *args: Any,
        employee_number: str,
        role: str,
        unit: str | None,
        node: str | None,
        revoke: bool,
        **options: Any,
    ) -> None:
        person = Person.objects.select_related("user").filter(employee_number=employee_number.strip()).first()
        if person is None:
            raise CommandError(
                _("Er is geen medewerker met personeelsnummer '%(number)s'.") % {"number": employee_number}
            )
        if role not in Role.values:
            raise CommandError(
                _("'%(role)s' is geen rol. Kies uit: %(roles)s.") % {"role": role, "roles": ", ".join(Role.values)}
            )
        scope_unit, scope_node = _unit(unit), _node(node)
        try:
            if revoke:
                self._revoke(person, role, unit=scope_unit, node=scope_node)
            else:
                self._grant(person, role, unit=scope_unit, node=scope_node)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error

    def _grant(self, person: Person, role: str, *, unit: Unit | None, node: OrgNode | None) -> None:
        had_account = person.user_id is not None
        assignment = services.role_grant(actor=None, person=person, role=role, unit=unit, node=node)
        if not had_account:
            self.stdout.write(
                _("Account '%(username)s' aangemaakt (zonder wachtwoord: inloggen via SSO, of stel er een in).")
                % {"username": person.employee_number}
            )
        message = _("%(name)s heeft nu de rol %(role)s.") % {"name": person.full_name, "role": assignment}
        self.stdout.write(self.style.SUCCESS(message))

    def _revoke(self, person: Person, role: str, *, unit: Unit | None, node: OrgNode | None) -> None:
        assignment = None
        if person.user_id is not None:
            assignment = RoleAssignment.objects.filter(user_id=person.user_id, role=role, unit=unit, node=node).first()
        if assignment is None:
            raise CommandError(
                _("%(name)s heeft de rol %(role)s niet met deze eenheid of dit organisatieonderdeel.")
                % {"name": person.full_name, "role": Role(role).label}
            )
        services.role_revoke(actor=None, assignment=assignment)
        message = _("De rol %(role)s van %(name)s is ingetrokken.") % {"role": assignment, "name": person.full_name}
        self.stdout.write(self.style.SUCCESS(message))


def _unit(code: str | None) -> Unit | None:
    if code is None:
        return None
    unit = Unit.objects.filter(code=code.strip()).first()
    if unit is None:
        raise CommandError(_("Er is geen eenheid met code '%(code)s'.") % {"code": code})
    return unit


def _node(code: str | None) -> OrgNode | None:
    if code is None:
        return None
    node = OrgNode.objects.select_related("unit").filter(code=code.strip()).first()
    if node is None:
        raise CommandError(_("Er is geen organisatieonderdeel met code '%(code)s'.") % {"code": code})
    return node
