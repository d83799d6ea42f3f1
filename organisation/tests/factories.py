"""factory-boy factories shared by every app's tests."""

from __future__ import annotations

from functools import cache

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from organisation.constants import NodeKind, UnitKind
from organisation.models import OrgNode, Person, RoleAssignment, Unit

#: Characters that a page shows escaped (``'`` becomes ``&#x27;``).
_ESCAPED_IN_HTML = frozenset("<>&'\"")


def plain_dutch_name(kind: str) -> str:
    """A Dutch first or last name (Faker, nl_NL, factory-boy's seeded instance) that reads the same in
    a page as in Python, so a test can look for ``person.full_name`` in the HTML. Names such as
    "van 't Erve" are left out here; tests of escaping set such a name by hand."""
    faker = factory.Faker._get_faker(locale="nl_NL")
    while True:
        name: str = getattr(faker, kind)()
        if not _ESCAPED_IN_HTML.intersection(name):
            return name


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"eenheid-{n}")
    name = factory.Sequence(lambda n: f"Eenheid {n}")
    kind = UnitKind.REGIONAL


class OrgNodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgNode

    unit = factory.SubFactory(UnitFactory)
    code = factory.Sequence(lambda n: f"T{n:05d}")
    name = factory.Sequence(lambda n: f"Team {n}")
    kind = NodeKind.TEAM


PASSWORD = "Geheim-wachtwoord-123"


@cache
def password_hash() -> str:
    """The argon2 hash of PASSWORD, computed once: argon2 is slow on purpose."""
    return make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.LazyFunction(password_hash)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    employee_number = factory.Sequence(lambda n: f"{100000 + n}")
    first_name = factory.LazyFunction(lambda: plain_dutch_name("first_name"))
    last_name = factory.LazyFunction(lambda: plain_dutch_name("last_name"))
    team = factory.SubFactory(OrgNodeFactory)


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
