"""The one place that decides who may see or do what.

Views, API endpoints, templates and later modules ask this module; nothing else compares
role names. Two layers:

* **actions** (``can(user, "audit.view")``): which roles may use a capability at all;
* **objects** (``can_view_person(user, person)``): whether a scoped role reaches one record.
  A leidinggevende reaches their direct reports and everyone in the nodes they lead;
  TCO coordinators and care professionals reach people in their own unit; the
  functioneel beheerder reaches everyone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from organisation.constants import CARE_PROFESSIONAL_ROLES, Role

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
    "content.manage": frozenset({Role.INHOUDSBEHEERDER}),
    # --- aftercare (opvang en nazorg) ---
    # Any employee registers an event they were involved in; managers and coordinators for others.
    "aftercare.register": frozenset({AUTHENTICATED}),
    "aftercare.own": frozenset({AUTHENTICATED}),
    "aftercare.team": frozenset({Role.LEIDINGGEVENDE}),
    "aftercare.cases": frozenset({Role.COLLEGIAAL_ONDERSTEUNER}),
    "aftercare.coordinate": frozenset({Role.COORDINATOR_TCO}),
    # --- end aftercare ---
    # --- monitor (weerbaarheidsmonitor) ---
    # Campaigns: the HR analyst and the care professionals as VGW professional (RI&E-PSA).
    "monitor.campaigns": frozenset({Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES}),
    # Results: everyone (their own team once a campaign closed); roles see their scope.
    "monitor.dashboard": frozenset({AUTHENTICATED}),
    "monitor.plans": frozenset({Role.LEIDINGGEVENDE, Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES}),
    # --- end monitor ---
    # --- barista (early warning) ---
    # The invited manager (or deputy) sees invitations; every employee sees signals about them.
    "barista.invitations": frozenset({Role.LEIDINGGEVENDE}),
    "barista.own": frozenset({AUTHENTICATED}),
    # Manual exposures: managers for their team, TCO coordinators for their unit.
    "barista.exposures": frozenset({Role.LEIDINGGEVENDE, Role.COORDINATOR_TCO, Role.FUNCTIONEEL_BEHEERDER}),
    # Absences (close to health data): only the manager of the team, and the functioneel beheerder.
    "barista.absences": frozenset({Role.LEIDINGGEVENDE, Role.FUNCTIONEEL_BEHEERDER}),
    # Rules, exposure types and the import: the functioneel beheerder.
    "barista.manage": frozenset({Role.FUNCTIONEEL_BEHEERDER}),
    # Aggregates per team for the pilot evaluation (groups under the threshold suppressed).
    "barista.statistics": frozenset({Role.HR_ANALIST}),
    # --- end barista ---
}


def _assignments(user: AnyUser) -> list[RoleAssignment]:
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
    return frozenset({Role.MEDEWERKER, *(a.role for a in _assignments(user))})


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


def _own_person(user: AnyUser) -> Person | None:
    from organisation.models import Person

    user_id = getattr(user, "pk", None)
    return Person.objects.filter(user_id=user_id).first() if user_id is not None else None


#: Roles that reach everyone in the unit or node of their assignment.
_UNIT_WIDE_ROLES: frozenset[str] = frozenset({Role.COORDINATOR_TCO, *CARE_PROFESSIONAL_ROLES})


def _scope_filter(assignment: RoleAssignment) -> Q:
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
    assignments = _assignments(user)
    if any(a.role == Role.FUNCTIONEEL_BEHEERDER for a in assignments):
        return Q()
    for assignment in assignments:
        if assignment.role in _UNIT_WIDE_ROLES or assignment.role == Role.LEIDINGGEVENDE:
            condition |= _scope_filter(assignment)
    if any(a.role == Role.LEIDINGGEVENDE for a in assignments):
        # A manager also reaches their direct reports, wherever those work.
        own = _own_person(user)
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


def public_page(view: ViewFunc) -> ViewFunc:
    """Marks a view that shows only public content (catalogue, themes, facts, help): no login,
    and no second factor either, because it reaches no one's personal data."""
    view.zw_public = True  # type: ignore[attr-defined]
    return view


def is_public(view: Any) -> bool:
    """Whether a view (function, or DRF view via its class) was marked with ``public_page``."""
    return bool(getattr(view, "zw_public", False) or getattr(getattr(view, "cls", None), "zw_public", False))


def login_required(view: ViewFunc) -> ViewFunc:
    """View decorator for pages every logged-in user may see."""
    return permission_required("organisation.view")(view)


# === aftercare: object-level rules for events, plans, steps and notes ===
# The employee sees their own plan; the manager (direct, or leading the team) sees steps and
# statuses; the assigned peer supporter and the TCO coordinator of the unit also see the
# peer-support notes. Care professionals and the functioneel beheerder do not reach plans.


def _assignments_with(user: AnyUser, role: str) -> list[RoleAssignment]:
    return [a for a in _assignments(user) if a.role == role]


def _people_in_scope(user: AnyUser, role: str) -> Q:
    """A filter on Person: everyone in the scopes of the user's assignments of one role."""
    condition = Q(pk__in=[])
    for assignment in _assignments_with(user, role):
        condition |= _scope_filter(assignment)
    return condition


def _plan_person_in(user: AnyUser, role: str) -> Q:
    from organisation.models import Person

    if not _assignments_with(user, role):
        return Q(pk__in=[])
    return Q(person__in=Person.objects.filter(_people_in_scope(user, role)).values("pk"))


def aftercare_coordinated_plans_filter(user: AnyUser) -> Q:
    """Plans a TCO coordinator coordinates: those of people in their unit or node."""
    return _plan_person_in(user, Role.COORDINATOR_TCO)


def aftercare_team_plans_filter(user: AnyUser) -> Q:
    """Plans a leidinggevende follows: their direct reports and the people in the nodes they lead."""
    if not _assignments_with(user, Role.LEIDINGGEVENDE):
        return Q(pk__in=[])
    return Q(manager__user_id=user.pk) | _plan_person_in(user, Role.LEIDINGGEVENDE)


def aftercare_cases_filter(user: AnyUser) -> Q:
    """Plans a peer supporter was assigned to."""
    if not _assignments_with(user, Role.COLLEGIAAL_ONDERSTEUNER):
        return Q(pk__in=[])
    return Q(supporter__user_id=user.pk)


def aftercare_plans_filter(user: AnyUser) -> Q:
    """A filter on Plan selecting exactly the plans this user may open."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return (
        Q(person__user_id=user.pk)
        | aftercare_team_plans_filter(user)
        | aftercare_cases_filter(user)
        | aftercare_coordinated_plans_filter(user)
    )


def _plan_matches(plan: Any, condition: Q) -> bool:
    return bool(type(plan).objects.filter(condition, pk=plan.pk).exists())


def can_view_plan(user: AnyUser, plan: Any) -> bool:
    return _plan_matches(plan, aftercare_plans_filter(user))


def can_coordinate_plan(user: AnyUser, plan: Any) -> bool:
    """Assign a supporter, edit the plan, close it: the coordinator of the employee's unit."""
    return _plan_matches(plan, aftercare_coordinated_plans_filter(user))


def can_read_support_notes(user: AnyUser, plan: Any) -> bool:
    """Peer-support notes: only the assigned supporter and the coordinator (not the manager)."""
    return _plan_matches(plan, aftercare_cases_filter(user) | aftercare_coordinated_plans_filter(user))


def is_plan_subject(user: AnyUser, plan: Any) -> bool:
    """Whether the user is the employee the plan is for."""
    person = plan.person
    return person is not None and person.user_id is not None and person.user_id == getattr(user, "pk", None)


def aftercare_plan_relations(user: AnyUser, plan: Any) -> frozenset[str]:
    """How the user relates to one plan ("subject", "manager", "supporter", "coordinator"),
    worked out once so a page with many steps asks the database a few times, not per step."""
    relations = set()
    if is_plan_subject(user, plan):
        relations.add("subject")
    for name, condition in (
        ("manager", aftercare_team_plans_filter(user)),
        ("supporter", aftercare_cases_filter(user)),
        ("coordinator", aftercare_coordinated_plans_filter(user)),
    ):
        if condition != Q(pk__in=[]) and _plan_matches(plan, condition):
            relations.add(name)
    return frozenset(relations)


def may_complete_step(relations: frozenset[str], step: Any) -> bool:
    """The step's owner role completes it; the coordinator may complete any step of the plan."""
    from aftercare.constants import StepOwner

    if "coordinator" in relations:
        return True
    owner_relation = {StepOwner.MANAGER: "manager", StepOwner.SUPPORTER: "supporter"}.get(step.owner_role)
    return owner_relation in relations


def may_decline_step(relations: frozenset[str], step: Any) -> bool:
    """The employee may decline an offer themselves; the step's owner records a decline too."""
    return "subject" in relations or may_complete_step(relations, step)


def can_complete_step(user: AnyUser, step: Any) -> bool:
    return may_complete_step(aftercare_plan_relations(user, step.plan), step)


def can_decline_step(user: AnyUser, step: Any) -> bool:
    return may_decline_step(aftercare_plan_relations(user, step.plan), step)


def may_see_referral_target(relations: frozenset[str]) -> bool:
    """Where a referral went (e.g. Zorglijn PTSS) is health-related: only the employee, the
    assigned supporter and the coordinator see it. The manager sees only that a referral was made."""
    return bool(relations & {"subject", "supporter", "coordinator"})


def can_see_referral_target(user: AnyUser, plan: Any) -> bool:
    return may_see_referral_target(aftercare_plan_relations(user, plan))


def aftercare_assignments_covering(person: Person | None, unit_id: int | None, role: str) -> Q:
    """A filter on RoleAssignment: assignments of ``role`` whose scope covers the person's team
    (the team itself, a node above it, or its unit) or, without a team, the given unit."""
    unit_ids = {unit_id} if unit_id else set()
    condition = Q(pk__in=[])
    if person is not None and person.team is not None:
        unit_ids.add(person.team.unit_id)
        condition |= Q(node__in=[person.team, *person.team.ancestors()])
    if unit_ids:
        condition |= Q(unit_id__in=unit_ids)
    return Q(role=role) & condition


def aftercare_registrable_people_filter(user: AnyUser) -> Q:
    """A filter on Person: whom this user may register as involved in an event.

    Everyone may register themselves; a leidinggevende adds their team, a coordinator their unit.
    """
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    condition = Q(user_id=user.pk) | _people_in_scope(user, Role.COORDINATOR_TCO)
    if _assignments_with(user, Role.LEIDINGGEVENDE):
        condition |= _people_in_scope(user, Role.LEIDINGGEVENDE) | Q(manager__user_id=user.pk)
    return condition


def aftercare_coordinator_unit_ids(user: AnyUser) -> set[int]:
    """The units a coordinator's assignments fall in (for the aggregates per unit)."""
    units: set[int] = set()
    for assignment in _assignments_with(user, Role.COORDINATOR_TCO):
        if assignment.unit_id:
            units.add(assignment.unit_id)
        elif assignment.node is not None:
            units.add(assignment.node.unit_id)
    return units


# === end aftercare ===

# === monitor: object-level rules for campaigns, results and action plans ===
# Results are aggregates that already passed core.anonymity; scope decides which groups a user
# is offered: a leidinggevende the nodes they lead (and all below), the HR analyst and care
# professionals their unit or node, every employee their own team. The organisation as a whole
# is shown to everyone for comparison. Only the leidinggevende of a team edits its Plan van Aanpak.

_MONITOR_SCOPED_ROLES: frozenset[str] = frozenset({Role.HR_ANALIST, Role.LEIDINGGEVENDE, *CARE_PROFESSIONAL_ROLES})


def monitor_scope(user: AnyUser, roles: frozenset[str] = _MONITOR_SCOPED_ROLES) -> tuple[set[int], set[int]]:
    """(unit ids, node ids) reached by the user's monitor roles; nodes include everything below."""
    from organisation.models import OrgNode

    units: set[int] = set()
    roots = []
    for assignment in _assignments(user):
        if assignment.role not in roles:
            continue
        if assignment.unit_id:
            units.add(assignment.unit_id)
        elif assignment.node is not None:
            roots.append(assignment.node)
    nodes = node_ids_below(roots) if roots else set()
    if units:
        nodes |= set(OrgNode.objects.filter(unit_id__in=units).values_list("pk", flat=True))
    return units, nodes


def monitor_result_scope(user: AnyUser) -> tuple[set[int], set[int]]:
    """The units and nodes whose results the user may see: their scope plus their own team."""
    units, nodes = monitor_scope(user)
    own = _own_person(user)
    if own is not None and own.team_id:
        nodes.add(own.team_id)
    return units, nodes


def monitor_campaigns_filter(user: AnyUser) -> Q:
    """A filter on Campaign: those the user made or that reach their unit or nodes."""
    if not can(user, "monitor.campaigns"):
        return Q(pk__in=[])
    units, nodes = monitor_scope(user, frozenset({Role.HR_ANALIST, *CARE_PROFESSIONAL_ROLES}))
    return Q(created_by_id=user.pk) | Q(units__in=units) | Q(nodes__in=nodes)


def monitor_plan_node_ids(user: AnyUser) -> set[int]:
    """Teams whose Plan van Aanpak the user may read."""
    if not can(user, "monitor.plans"):
        return set()
    return monitor_scope(user)[1]


def can_edit_monitor_plan(user: AnyUser, node: OrgNode) -> bool:
    """Only a leidinggevende of the team (or a node above it) adds and updates measures."""
    return node.pk in monitor_scope(user, frozenset({Role.LEIDINGGEVENDE}))[1]


# === end monitor ===

# === barista: object-level rules for signals, exposures and absences ===
# A signal is seen by the employee it is about and, as long as they are involved, by managers:
# an open invitation by the manager (or deputy) it is addressed to and the employee's current
# direct manager; a finished one only by the employee's current direct manager when they handled
# it or a deputy did for them (``Signal.deputy_for``: a deputy for an earlier manager does not
# count). A former manager, a former deputy, a new manager (for what came before them), the
# escalation recipient and every other manager see nothing (tests/matrix,
# barista/tests/test_visibility.py; the threat model is in docs/barista.md).


def barista_invitations_filter(user: AnyUser) -> Q:
    """A filter on Signal: the invitations this user handles as manager or deputy."""
    from barista.constants import SignalStatus

    if not can(user, "barista.invitations"):
        return Q(pk__in=[])
    uid = user.pk
    is_open = Q(status=SignalStatus.OPEN) & (Q(recipient__user_id=uid) | Q(person__manager__user_id=uid))
    handled = Q(recipient__user_id=uid) | Q(outcome_by_id=uid) | Q(recipient_is_deputy=True, deputy_for__user_id=uid)
    finished = ~Q(status=SignalStatus.OPEN) & Q(person__manager__user_id=uid) & handled
    return is_open | finished


def barista_own_signals_filter(user: AnyUser) -> Q:
    """A filter on Signal: those about the user."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(person__user_id=user.pk)


def barista_people_filter(user: AnyUser, *, absences: bool = False) -> Q:
    """A filter on Person: for whom the user records exposures (never themselves: managers their
    team, coordinators their unit) or absences (managers their team and themselves, to name a
    deputy; not coordinators). The functioneel beheerder reaches everyone."""
    if not can(user, "barista.absences" if absences else "barista.exposures"):
        return Q(pk__in=[])
    if any(a.role == Role.FUNCTIONEEL_BEHEERDER for a in _assignments(user)):
        return Q() if absences else ~Q(user_id=user.pk)
    condition = Q(pk__in=[]) if absences else _people_in_scope(user, Role.COORDINATOR_TCO)
    if _assignments_with(user, Role.LEIDINGGEVENDE):
        condition |= _people_in_scope(user, Role.LEIDINGGEVENDE) | Q(manager__user_id=user.pk)
    if absences:
        return condition | Q(user_id=user.pk)
    return condition & ~Q(user_id=user.pk)


# === end barista ===
