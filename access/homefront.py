"""homefront: who may see or do what (capabilities and object rules of the homefront app)."""

from __future__ import annotations

from access.base import register_actions

register_actions({})

__all__: list[str] = []
