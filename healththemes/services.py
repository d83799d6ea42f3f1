"""Writes of the health themes: the inhoudsbeheerder creates and edits items, each write audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.text import slugify

from core.audit import log_change
from core.models import AuditAction
from healththemes import selectors
from healththemes.models import HealthTheme, ThemeItem

if TYPE_CHECKING:
    from django.http import HttpRequest

#: The fields an editor sets; the audit row names the ones that changed (never their values).
EDITABLE_FIELDS = (
    "kind",
    "audience",
    "title",
    "slug",
    "summary",
    "body",
    "order",
    "is_published",
    "title_en",
    "summary_en",
    "body_en",
)
THEME_EDITABLE_FIELDS = ("name", "intro", "order", "is_published", "name_en", "intro_en")


def _free_slug(theme: HealthTheme, title: str, *, except_pk: int | None) -> str:
    """A slug made from the title that no other item of the theme uses (adds -2, -3, … when needed)."""
    base = slugify(title)[:70] or "item"
    candidate, number = base, 1
    while selectors.slug_taken(theme, candidate, except_pk=except_pk):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def theme_item_save(
    *,
    actor: Any,
    theme: HealthTheme,
    item_id: int | None = None,
    kind: str,
    audience: str,
    title: str,
    slug: str = "",
    summary: str = "",
    body: str,
    order: int = 0,
    is_published: bool = False,
    title_en: str = "",
    summary_en: str = "",
    body_en: str = "",
    request: HttpRequest | None = None,
) -> ThemeItem:
    """Create an item in a theme (``item_id=None``) or update one, and record it in the audit trail."""
    creating = item_id is None
    if item_id is None:
        item = ThemeItem(theme=theme)
    else:
        item = ThemeItem.objects.select_for_update().get(pk=item_id, theme=theme)
    values: dict[str, Any] = {
        "kind": kind,
        "audience": audience,
        "title": title.strip(),
        "slug": slug or item.slug or _free_slug(theme, title, except_pk=item_id),
        "summary": summary.strip(),
        "body": body.strip(),
        "order": order,
        "is_published": is_published,
        "title_en": title_en.strip(),
        "summary_en": summary_en.strip(),
        "body_en": body_en.strip(),
    }
    changed = [name for name in EDITABLE_FIELDS if creating or getattr(item, name) != values[name]]
    for name, value in values.items():
        setattr(item, name, value)
    item.save()
    log_change(
        actor=actor,
        obj=item,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        fields=changed,
        request=request,
    )
    return item


@transaction.atomic
def theme_save(
    *,
    actor: Any,
    theme_id: int,
    name: str,
    intro: str,
    order: int,
    is_published: bool,
    name_en: str = "",
    intro_en: str = "",
    request: HttpRequest | None = None,
) -> HealthTheme:
    """Change a theme's name, introduction (Dutch and English), place and publication; audited."""
    theme = HealthTheme.objects.select_for_update().get(pk=theme_id)
    values: dict[str, Any] = {
        "name": name.strip(),
        "intro": intro.strip(),
        "order": order,
        "is_published": is_published,
        "name_en": name_en.strip(),
        "intro_en": intro_en.strip(),
    }
    changed = [field for field in THEME_EDITABLE_FIELDS if getattr(theme, field) != values[field]]
    if not changed:
        return theme
    for field, value in values.items():
        setattr(theme, field, value)
    theme.save(update_fields=changed)
    log_change(actor=actor, obj=theme, action=AuditAction.UPDATE, fields=changed, request=request)
    return theme
