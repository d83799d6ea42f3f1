"""Marking views that show only public content (catalogue, themes, facts, help).

Such a view needs no login and no second factor, and anonymous visitors may get it from the
whole-page cache (``core.public_cache``). ``access`` re-exports both names for views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., Any])


def public_page(view: ViewFunc) -> ViewFunc:
    """Marks a view that shows only public content (catalogue, themes, facts, help): no login,
    and no second factor either, because it reaches no one's personal data."""
    view.zw_public = True  # type: ignore[attr-defined]
    return view


def is_public(view: Any) -> bool:
    """Whether a view (function, or DRF view via its class) was marked with ``public_page``."""
    return bool(getattr(view, "zw_public", False) or getattr(getattr(view, "cls", None), "zw_public", False))


def sessionless(view: ViewFunc) -> ViewFunc:
    """Marks a view that knows no user, session, messages or CSRF cookie by construction (the
    self-test score API: anonymous answers in, a result out). ``SessionlessViewMiddleware``
    answers it before the session and authentication middleware run. Only for views that are
    also ``public_page`` and authenticate nobody."""
    view.zw_sessionless = True  # type: ignore[attr-defined]
    return view


def is_sessionless(view: Any) -> bool:
    """Whether a view (function, or DRF view via its class and action) was marked ``sessionless``."""
    if getattr(view, "zw_sessionless", False):
        return True
    cls, actions = getattr(view, "cls", None), getattr(view, "actions", None) or {}
    methods = [getattr(cls, name, None) for name in actions.values()]
    return bool(methods) and all(getattr(method, "zw_sessionless", False) for method in methods)
