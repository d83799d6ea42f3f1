"""Reads of the health themes: visitors only reach published themes and items; editors reach all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet

from healththemes.models import HealthTheme, ThemeItem

if TYPE_CHECKING:
    from organisation.models import Unit


def published_themes() -> QuerySet[HealthTheme]:
    """Published themes in their order, each with the number of published items."""
    return HealthTheme.objects.filter(is_published=True).annotate(
        item_count=Count("items", filter=Q(items__is_published=True))
    )


def published_theme(slug: str) -> HealthTheme | None:
    return HealthTheme.objects.filter(is_published=True, slug=slug).first()


def published_items(theme: HealthTheme) -> list[ThemeItem]:
    return list(theme.items.filter(is_published=True).order_by("order", "title"))


def published_item(theme: HealthTheme, slug: str) -> ThemeItem | None:
    return theme.items.filter(is_published=True, slug=slug).first()


def vgw_unit_for(user: Any) -> Unit | None:
    """The unit whose team Veilig en Gezond Werken serves this visitor: the unit of their own team."""
    from organisation.models import Unit

    if not getattr(user, "is_authenticated", False):
        return None
    return Unit.objects.filter(nodes__members__user_id=user.pk, nodes__members__is_active=True).first()


def themes_for_editing() -> QuerySet[HealthTheme]:
    """Every theme with every item, published or not, for the inhoudsbeheerder."""
    return HealthTheme.objects.prefetch_related(
        Prefetch("items", queryset=ThemeItem.objects.order_by("order", "title"))
    )


def theme_for_editing(slug: str) -> HealthTheme | None:
    return HealthTheme.objects.filter(slug=slug).first()


def item_for_editing(pk: int) -> ThemeItem | None:
    return ThemeItem.objects.select_related("theme").filter(pk=pk).first()


def slug_taken(theme: HealthTheme, slug: str, *, except_pk: int | None = None) -> bool:
    found = theme.items.filter(slug=slug)
    if except_pk is not None:
        found = found.exclude(pk=except_pk)
    return found.exists()
