"""``manage.py demo``: a fictional organisation and one login per role, for trying Zorgwijzer out.

Idempotent: the people come from a fixed random seed and go through the HR import, so a second run
finds nothing to change. Only allowed with DEBUG on; the shared password is printed only in demo mode.
"""

from __future__ import annotations

import os
import random
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisation import services
from organisation.constants import CONFIDENTIAL_ROLES, Role
from organisation.hr_csv import HrRow
from organisation.models import Person, Unit
from organisation.signals import demo_organisation_loaded

SEED = 20221231
EMPLOYEE_NUMBER_START = 900001
PASSWORD_FILE = "demo-password.txt"  # noqa: S105 - a file name, not a password

#: Regional units: district → basisteams. Every basisteam gets the teams in BASISTEAM_TEAMS.
REGIONAL_TREE: dict[str, dict[str, list[str]]] = {
    "amsterdam": {"Centrum": ["Burgwallen", "Jordaan"], "Noord-Oost": ["IJ-Tunnel", "Waterland", "Oost"]},
    "rotterdam": {"Rotterdam-Stad": ["Centrum", "Noord"], "Zuid-Holland-Zuid": ["Dordrecht", "Drechtsteden"]},
    "den-haag": {"Den Haag-Centrum": ["Jan Hendrikstraat", "Scheveningen"], "Leiden-Katwijk": ["Leiden", "Katwijk"]},
    "oost-nederland": {"Twente": ["Enschede", "Hengelo"], "IJsselland": ["Zwolle", "Deventer", "Kampen"]},
}
BASISTEAM_TEAMS = ["Noodhulp", "Wijkteam"]

#: Units organised in departments (afdelingen) rather than districts: afdeling → teams.
SERVICE_TREE: dict[str, dict[str, list[str]]] = {
    "landelijke-eenheid": {
        "Dienst Infrastructuur": ["Waterpolitie", "Verkeerspolitie"],
        "Dienst Recherche": ["Team Digitaal"],
    },
    "pdc-staf-kl": {"Bedrijfsvoering": ["Facilitair", "Informatievoorziening"], "HRM": ["Personeelsadvies"]},
    "politieacademie": {"Onderwijs": ["Basispolitieonderwijs", "Leiderschap"], "Kennis en onderzoek": ["Onderzoek"]},
}

FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Daan",
    "Emma",
    "Eva",
    "Fenna",
    "Floor",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jesse",
    "Joost",
    "Julia",
    "Kees",
    "Lars",
    "Lieke",
    "Lotte",
    "Luuk",
    "Maartje",
    "Mark",
    "Milan",
    "Naomi",
    "Noor",
    "Pieter",
    "Puck",
    "Rik",
    "Roos",
    "Ruben",
    "Sanne",
    "Sem",
    "Sophie",
    "Stijn",
    "Thijs",
    "Tim",
    "Vera",
    "Wouter",
    "Yara",
    "Zoë",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van Dijk",
    "Schouten",
    "van Beek",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Kuipers",
    "Verhoeven",
    "Postma",
    "Timmermans",
    "Groen",
]

#: Roles held for the whole unit of their person; the leidinggevende leads a team, the rest has no scope.
UNIT_ROLES = (
    Role.COLLEGIAAL_ONDERSTEUNER,
    Role.COORDINATOR_TCO,
    Role.BEDRIJFSARTS,
    Role.BMW,
    Role.EENHEIDSPSYCHOLOOG,
    Role.CASEMANAGER,
    Role.HR_ANALIST,
    *sorted(CONFIDENTIAL_ROLES),
)
UNSCOPED_ROLES = (Role.INHOUDSBEHEERDER, Role.FUNCTIONEEL_BEHEERDER)


@dataclass
class DemoTeam:
    unit: str
    code: str
    name: str
    levels: dict[str, str]
    numbers: list[str] = field(default_factory=list)  # the leader first


def demo_teams() -> list[DemoTeam]:
    """The fixed team tree: regional units by district and basisteam, services by department."""
    teams = []
    for unit, districts in REGIONAL_TREE.items():
        for d, (district, basisteams) in enumerate(districts.items(), start=1):
            for b, basisteam in enumerate(basisteams, start=1):
                for t, kind in enumerate(BASISTEAM_TEAMS, start=1):
                    levels = {"district": district, "basisteam": basisteam}
                    teams.append(DemoTeam(unit, f"demo-{unit}-{d}{b}{t}", f"{kind} {basisteam}", levels))
    for unit, departments in SERVICE_TREE.items():
        for a, (department, names) in enumerate(departments.items(), start=1):
            for t, name in enumerate(names, start=1):
                teams.append(DemoTeam(unit, f"demo-{unit}-{a}{t}", name, {"department": department}))
    return teams


def demo_rows(teams: list[DemoTeam]) -> list[HrRow]:
    """Fictional people, the same on every run: per team a leader and three to five members."""
    rng = random.Random(SEED)  # noqa: S311 - fictional names, deliberately reproducible
    rows: list[HrRow] = []
    for team in teams:
        leader: str | None = None
        for _index in range(1 + rng.randint(3, 5)):
            number = str(EMPLOYEE_NUMBER_START + len(rows))
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{slugify(first)}.{slugify(last)}.{number}@demo.zorgwijzer.invalid"
            rows.append(
                HrRow(
                    row=len(rows) + 2,
                    employee_number=number,
                    first_name=first,
                    last_name=last,
                    unit=team.unit,
                    team=team.name,
                    team_code=team.code,
                    email=email,
                    manager_number=leader or "",
                    is_active=True,
                    district=team.levels.get("district", ""),
                    basisteam=team.levels.get("basisteam", ""),
                    department=team.levels.get("department", ""),
                )
            )
            team.numbers.append(number)
            leader = leader or number
    return rows


def demo_accounts(teams: list[DemoTeam]) -> list[services.DemoAccount]:
    """One account per role; all in Amsterdam except the two application managers (PDC/Staf KL)."""
    amsterdam = [team for team in teams if team.unit == "amsterdam"]
    home = amsterdam[0]
    accounts = [
        services.DemoAccount(Role.MEDEWERKER, home.numbers[1]),
        services.DemoAccount(Role.LEIDINGGEVENDE, home.numbers[0], node_code=home.code),
    ]
    others = amsterdam[1:]
    for index, role in enumerate(UNIT_ROLES):
        # One person per role, spread over the other Amsterdam teams (a second round takes the
        # next member of each team: every team has at least three members besides its leader).
        team = others[index % len(others)]
        accounts.append(services.DemoAccount(role, team.numbers[1 + index // len(others)], unit_code="amsterdam"))
    staff = [team for team in teams if team.unit == "pdc-staf-kl"]
    for role, team in zip(UNSCOPED_ROLES, staff, strict=False):
        accounts.append(services.DemoAccount(role, team.numbers[1]))
    return accounts


class Command(BaseCommand):
    help = "Maakt een fictieve demo-organisatie en één demo-account per rol (alleen met DEBUG aan)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset-passwords", action="store_true", help="Nieuw gedeeld wachtwoord voor alle demo-accounts."
        )
        parser.add_argument(
            "--organisation-only",
            action="store_true",
            help="Alleen de organisatie en de accounts, zonder voorbeeldgegevens in de modules.",
        )

    def handle(self, *args: Any, reset_passwords: bool, organisation_only: bool = False, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(_("De demo-gegevens mogen alleen worden aangemaakt als DEBUG aan staat."))
        if not Unit.objects.exists():
            raise CommandError(_("Er zijn geen eenheden. Voer eerst 'manage.py migrate' uit."))
        teams = demo_teams()
        report = services.hr_import_apply(rows=demo_rows(teams), actor=None, dry_run=False)
        if not report.ok:
            raise CommandError("\n".join(str(error) for error in report.errors))
        password, is_new = self._password(reset_passwords)
        accounts = demo_accounts(teams)
        passwords_set = services.demo_accounts_ensure(
            accounts=accounts, password_hash=make_password(password), reset_passwords=is_new
        )
        self._print(report, accounts, password, passwords_set)
        if organisation_only:
            return
        for _receiver, line in demo_organisation_loaded.send(sender=type(self)):
            if line:
                self.stdout.write(str(line))

    def _password(self, reset: bool) -> tuple[str, bool]:
        """The shared demo password from var/, or a new one (then every demo account gets it)."""
        path = Path(settings.VAR_DIR) / PASSWORD_FILE
        if path.exists() and not reset:
            return path.read_text(encoding="utf-8").strip(), False
        password = secrets.token_urlsafe(12)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(password + "\n")
        path.chmod(0o600)
        return password, True

    def _print(
        self, report: services.HrImportReport, accounts: list[services.DemoAccount], password: str, passwords_set: int
    ) -> None:
        self.stdout.write(
            _("Demo-organisatie: %(people)s medewerkers (%(created)s nieuw, %(updated)s gewijzigd).")
            % {"people": report.rows, "created": report.people_created, "updated": report.people_updated}
        )
        self.stdout.write(_("Demo-accounts:"))
        people = Person.objects.in_bulk([account.employee_number for account in accounts], field_name="employee_number")
        for account in accounts:
            person = people[account.employee_number]
            scope = account.node_code or account.unit_code or _("hele organisatie")
            if account.role == Role.MEDEWERKER:
                scope = _("eigen gegevens")
            line = f"  {account.username:<29} {Role(account.role).label:<32} {person.full_name} ({scope})"
            self.stdout.write(line)
        if passwords_set == 0:
            self.stdout.write(_("De wachtwoorden zijn ongewijzigd (nieuw wachtwoord: --reset-passwords)."))
        else:
            self.stdout.write(
                ngettext(
                    "Nieuw wachtwoord ingesteld voor %(count)s account.",
                    "Nieuw wachtwoord ingesteld voor %(count)s accounts.",
                    passwords_set,
                )
                % {"count": passwords_set}
            )
        if settings.DEMO_MODE:
            self.stdout.write(_("Wachtwoord voor alle demo-accounts: %(password)s") % {"password": password})
        else:
            path = Path(settings.VAR_DIR) / PASSWORD_FILE
            self.stdout.write(_("Het wachtwoord staat in %(path)s.") % {"path": path})
