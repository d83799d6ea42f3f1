"""The vocabulary of the URL × role matrix, shared by tests/test_url_matrix.py and the
``<app>/tests/url_matrix.py`` modules that contribute their own rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conftest import Organisation
from organisation.constants import Role

OK, FORBIDDEN, NOT_FOUND, LOGIN = "ok", "forbidden", "not_found", "login"
ANONYMOUS = "anonymous"
ROLES = [role.value for role in Role]
VISITORS = [*ROLES, ANONYMOUS]


def everyone() -> dict[str, str]:
    return dict.fromkeys(VISITORS, OK)


def logged_in(anonymous: str = LOGIN) -> dict[str, str]:
    return {**dict.fromkeys(ROLES, OK), ANONYMOUS: anonymous}


def only(*roles: str, anonymous: str = LOGIN) -> dict[str, str]:
    return {**{role: OK if role in roles else FORBIDDEN for role in ROLES}, ANONYMOUS: anonymous}


@dataclass(frozen=True)
class Case:
    expect: dict[str, str]
    method: str = "get"
    kwargs: Callable[[Organisation], dict[str, Any]] = field(default=lambda org: {})
    data: dict[str, str] = field(default_factory=dict)
    optional: bool = False  # only present with an optional feature switched on (e.g. OIDC)


def only_found_by(*roles: str) -> dict[str, str]:
    """A record only these roles reach; everyone else logged in gets 404, as if it did not exist."""
    return {**{role: OK if role in roles else NOT_FOUND for role in ROLES}, ANONYMOUS: LOGIN}
