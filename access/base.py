"""Roles, scopes, the capability table and the view decorators every app module builds on.

See the package docstring (``access/__init__.py``) for the two layers, actions and objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from core.public import is_public, public_page, sessionless
from organisation.constants import CARE_PROFESSIONAL_ROLES, CONFIDENTIAL_ROLES, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.http import HttpRequest, HttpResponse

    from organisation.models import OrgNode, Person, RoleAssignment

    AnyUser = AbstractBaseUser | AnonymousUser

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])

#: Roles that can see other people's care data. They must log in with a second factor.
CARE_DATA_ROLES: frozenset[str] = frozenset(
    {
        Role.LEIDINGGEVENDE,
        Role.COLLEGIAAL_ONDERSTEUNER,
        Role.COORDINATOR_TCO,
        Role.FUNCTIONEEL_BEHEERDER,
        *CARE_PROFESSIONAL_ROLES,
        *CONFIDENTIAL_ROLES,
    }
)

#: Roles that see individual people's records (within their scope).
PEOPLE_VIEWER_ROLES: frozenset[str] = frozenset(
    {Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER, *CARE_PROFESSIONAL_ROLES}
)

#: Capability → the roles that have it. ``AUTHENTICATED`` means any logged-in user.
AUTHENTICATED = "__authenticated__"
ACTIONS: dict[str, frozenset[str]] = {
    "organisation.view": frozenset({AUTHENTICATED}),
    "people.view": PEOPLE_VIEWER_ROLES,
    "organisation.import": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
    "audit.view": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
    "roles.manage": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
    # API tokens of systems that push data (accounts.tokens): make, list, revoke.
    "api_tokens.manage": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
    "content.manage": frozenset({Role.INHOUDSBEHEERDER}),
}


def assignments(user: AnyUser) -> list[RoleAssignment]:
    """The user's role assignments, loaded once per request/user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_zw_assignments", None)
    if cached is None:
        from organisation.models import RoleAssignment

        user_id: int = user.pk  # type: ignore[assignment]
        cached = list(RoleAssignment.objects.filter(user_id=user_id).select_related("unit", "node"))
        user._zw_assignments = cached  # type: ignore[union-attr]
    return cached


def roles_of(user: AnyUser) -> frozenset[str]:
    """All roles of a user. Every logged-in employee is at least a medewerker."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset({Role.MEDEWERKER, *(a.role for a in assignments(user))})


def has_role(user: AnyUser, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def is_care_professional(user: AnyUser) -> bool:
    return bool(roles_of(user) & CARE_PROFESSIONAL_ROLES)


def requires_two_factor(user: AnyUser) -> bool:
    """True when the user holds a role that can see other people's care data."""
    return bool(roles_of(user) & CARE_DATA_ROLES)


def can(user: AnyUser, action: str) -> bool:
    """Whether the user may use a capability at all. Unknown actions are refused."""
    allowed = ACTIONS.get(action)
    if allowed is None or not getattr(user, "is_authenticated", False):
        return False
    if AUTHENTICATED in allowed:
        return True
    return bool(roles_of(user) & allowed)


def node_ids_below(roots: Iterable[OrgNode]) -> set[int]:
    """Ids of the given nodes and every node under them (breadth-first, one query per level)."""
    from organisation.models import OrgNode

    found = {node.pk for node in roots}
    frontier = set(found)
    while frontier:
        frontier = set(OrgNode.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


def own_person(user: AnyUser) -> Person | None:
    from organisation.models import Person

    user_id = getattr(user, "pk", None)
    return Person.objects.filter(user_id=user_id).first() if user_id is not None else None


#: Roles that reach everyone in the unit or node of their assignment.
_UNIT_WIDE_ROLES: frozenset[str] = frozenset({Role.COORDINATOR_TCO, *CARE_PROFESSIONAL_ROLES})


def scope_filter(assignment: RoleAssignment) -> Q:
    """People inside the unit or node (and everything below it) of one assignment."""
    if assignment.unit_id:
        return Q(team__unit_id=assignment.unit_id)
    if assignment.node is not None:
        return Q(team_id__in=node_ids_below([assignment.node]))
    return Q(pk__in=[])


def visible_people_filter(user: AnyUser) -> Q:
    """A filter on Person that selects exactly the people this user may see individually."""
    condition = Q(pk__in=[])
    if not can(user, "people.view"):
        return condition
    held = assignments(user)
    if any(a.role == Role.FUNCTIONEEL_BEHEERDER for a in held):
        return Q()
    for assignment in held:
        if assignment.role in _UNIT_WIDE_ROLES or assignment.role == Role.LEIDINGGEVENDE:
            condition |= scope_filter(assignment)
    if any(a.role == Role.LEIDINGGEVENDE for a in held):
        # A manager also reaches their direct reports, wherever those work.
        own = own_person(user)
        if own is not None:
            condition |= Q(manager=own)
    return condition


def visible_people(user: AnyUser, queryset: QuerySet[Person] | None = None) -> QuerySet[Person]:
    from organisation.models import Person

    base = queryset if queryset is not None else Person.objects.all()
    return base.filter(visible_people_filter(user))


def openable_people_filter(user: AnyUser) -> Q:
    """People whose record this user may open: those visible to their roles, plus themselves."""
    visible = visible_people_filter(user)
    # An empty Q means "everyone"; ``Q() | other`` would silently narrow that to ``other``.
    if not visible or not getattr(user, "is_authenticated", False):
        return visible
    return visible | Q(user_id=user.pk)


def can_view_person(user: AnyUser, person: Person) -> bool:
    """Whether the user may open this person's record."""
    from organisation.models import Person

    return Person.objects.filter(openable_people_filter(user), pk=person.pk).exists()


def permission_required(action: str) -> Callable[[ViewFunc], ViewFunc]:
    """View decorator: anonymous visitors go to the login page, others without the action get 403."""

    def decorator(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can(request.user, action):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_action = action  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def login_required(view: ViewFunc) -> ViewFunc:
    """View decorator for pages every logged-in user may see."""
    return permission_required("organisation.view")(view)


def assignments_with(user: AnyUser, role: str) -> list[RoleAssignment]:
    return [a for a in assignments(user) if a.role == role]


def unit_ids_of(user: AnyUser, *roles: str) -> set[int]:
    """The units the user's assignments of these roles fall in (a node assignment counts for its unit)."""
    units: set[int] = set()
    for assignment in assignments(user):
        if assignment.role not in roles:
            continue
        if assignment.unit_id:
            units.add(assignment.unit_id)
        elif assignment.node is not None:
            units.add(assignment.node.unit_id)
    return units


def people_in_scope(user: AnyUser, role: str) -> Q:
    """A filter on Person: everyone in the scopes of the user's assignments of one role."""
    condition = Q(pk__in=[])
    for assignment in assignments_with(user, role):
        condition |= scope_filter(assignment)
    return condition


def register_actions(actions: dict[str, frozenset[str]]) -> None:
    """Add an app's capabilities to ``ACTIONS`` (called once by each module of this package).

    A name may be registered once: two apps claiming one capability is a mistake, not an override.
    """
    clash = ACTIONS.keys() & actions.keys()
    if clash:
        raise ValueError(f"capabilities registered twice: {sorted(clash)}")
    ACTIONS.update(actions)


__all__ = [
    "ACTIONS",
    "AUTHENTICATED",
    "CARE_DATA_ROLES",
    "PEOPLE_VIEWER_ROLES",
    "assignments",
    "assignments_with",
    "can",
    "can_view_person",
    "has_role",
    "is_care_professional",
    "is_public",
    "login_required",
    "node_ids_below",
    "openable_people_filter",
    "own_person",
    "people_in_scope",
    "permission_required",
    "public_page",
    "register_actions",
    "requires_two_factor",
    "roles_of",
    "scope_filter",
    "sessionless",
    "unit_ids_of",
    "visible_people",
    "visible_people_filter",
]
