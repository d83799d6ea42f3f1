"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The themes are public content; only the inhoudsbeheerder manages them.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import Case, everyone, only


def theme_item_pk(org: Organisation) -> dict[str, Any]:
    from healththemes.models import ThemeItem

    return {"pk": ThemeItem.objects.get(theme__slug="ptss", slug="wat-is-ptss").pk}


ROWS: dict[str, Case] = {
    "healththemes:index": Case(everyone()),
    "healththemes:theme": Case(everyone(), kwargs=lambda org: {"slug": "ptss"}),
    "healththemes:item": Case(everyone(), kwargs=lambda org: {"slug": "ptss", "item_slug": "wat-is-ptss"}),
    "healththemes:manage": Case(only(Role.INHOUDSBEHEERDER)),
    "healththemes:item_new": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"theme_slug": "slaap"}),
    "healththemes:item_edit": Case(only(Role.INHOUDSBEHEERDER), kwargs=theme_item_pk),
    "healththemes:theme_edit": Case(only(Role.INHOUDSBEHEERDER), kwargs=lambda org: {"theme_slug": "gehoorschade"}),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {"healththemes:index", "healththemes:theme", "healththemes:item"}
