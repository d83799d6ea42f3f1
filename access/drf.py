"""The API's permission class: a view states the capability it needs (``required_action``) and
``access.can`` decides, exactly as ``permission_required`` does for pages."""

from __future__ import annotations

from typing import Any

from rest_framework import permissions

from access.base import can


class RequiredAction(permissions.BasePermission):
    """Allows users that have the view's ``required_action`` (an action of ``access``)."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return can(request.user, view.required_action)
