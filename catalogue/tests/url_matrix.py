"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

The catalogue, the finder and the published editions are public content: open to everyone,
logged in or not, and to a care-data role before the second factor. The editor is only for the
inhoudsbeheerder. The old English API paths answer with a redirect (308) to the Dutch ones.
"""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import Case, everyone, only


def edition(org: Organisation) -> dict[str, Any]:
    return {"code": "2022-2023"}


def edition_provision(org: Organisation) -> dict[str, Any]:
    return {"code": "2022-2023", "slug": "mediation"}


ROWS: dict[str, Case] = {
    "catalogue:overview": Case(everyone()),
    "catalogue:experts": Case(everyone()),
    "catalogue:offline": Case(everyone()),
    "catalogue:provision": Case(everyone(), kwargs=lambda org: {"slug": "mediation"}),
    "catalogue:finder": Case(everyone()),
    "catalogue:editor_home": Case(only(Role.INHOUDSBEHEERDER)),
    "catalogue:editor_edition_create": Case(only(Role.INHOUDSBEHEERDER), method="post"),
    "catalogue:editor_edition": Case(only(Role.INHOUDSBEHEERDER), kwargs=edition),
    "catalogue:editor_edition_publish": Case(only(Role.INHOUDSBEHEERDER), kwargs=edition),
    "catalogue:editor_provision_create": Case(only(Role.INHOUDSBEHEERDER), kwargs=edition),
    "catalogue:editor_provision_edit": Case(only(Role.INHOUDSBEHEERDER), kwargs=edition_provision),
    "catalogue:editor_provision_delete": Case(only(Role.INHOUDSBEHEERDER), kwargs=edition_provision),
    "catalogue:editions": Case(everyone()),
    "catalogue:edition_compare": Case(everyone()),
    "catalogue:edition_detail": Case(everyone(), kwargs=edition),
    "catalogue:edition_provision": Case(everyone(), kwargs=edition_provision),
    "service-worker": Case(everyone()),
    "manifest": Case(everyone()),
    "provision-list": Case(everyone()),
    "provision-detail": Case(everyone(), kwargs=lambda org: {"slug": "mediation"}),
    "expert-list": Case(everyone()),
    "expert-detail": Case(everyone(), kwargs=lambda org: {"slug": "bedrijfsarts"}),
    "api-moved-provisions": Case(everyone(), kwargs=lambda org: {"rest": ""}),
    "api-moved-experts": Case(everyone(), kwargs=lambda org: {"rest": ""}),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = {name for name in ROWS if not name.startswith("catalogue:editor_")}
