"""This app's rows of the URL × role matrix (tests/test_url_matrix.py merges them).

Reading rows use the 2022 edition of the data migration; editing rows a concept edition made by
the row itself (a definitive edition cannot be edited)."""

from __future__ import annotations

from typing import Any

from conftest import Organisation
from organisation.constants import Role
from tests.matrix import FORBIDDEN, Case, only

READERS = only(Role.LEIDINGGEVENDE, Role.HR_ADVISEUR, Role.HR_ANALIST)
EDITOR = only(Role.HR_ANALIST)
API_READERS = only(Role.LEIDINGGEVENDE, Role.HR_ADVISEUR, Role.HR_ANALIST, anonymous=FORBIDDEN)
CONCEPT_YEAR = 2031


def edition_2022(org: Organisation) -> dict[str, Any]:
    return {"year": 2022}


def concept(org: Organisation) -> dict[str, Any]:
    from jaarbeeld.models import Edition

    Edition.objects.get_or_create(year=CONCEPT_YEAR, defaults={"title": f"Sociaal Jaarbeeld {CONCEPT_YEAR}"})
    return {"year": CONCEPT_YEAR}


def concept_block(org: Organisation) -> dict[str, Any]:
    return {**concept(org), "code": "fysiek", "block": "beeld"}


def concept_part(org: Organisation) -> dict[str, Any]:
    return {**concept(org), "part": "goed"}


ROWS: dict[str, Case] = {
    "jaarbeeld:index": Case(READERS),
    "jaarbeeld:create": Case(EDITOR, method="post", data={"jaar": "2040"}),
    "jaarbeeld:indicators": Case(READERS),
    "jaarbeeld:import": Case(EDITOR),
    "jaarbeeld:indicator": Case(READERS, kwargs=lambda org: {"code": "verzuim-psychisch"}),
    "jaarbeeld:compare": Case(READERS),
    "jaarbeeld:edition": Case(READERS, kwargs=edition_2022),
    "jaarbeeld:history": Case(READERS, kwargs=edition_2022),
    "jaarbeeld:round_add": Case(
        EDITOR, method="post", kwargs=concept, data={"held_on": "2031-03-01", "body": "COR", "outcome": "Besproken"}
    ),
    "jaarbeeld:transition": Case(EDITOR, method="post", kwargs=concept, data={"to": "consultatie"}),
    "jaarbeeld:unit": Case(READERS, kwargs=edition_2022),
    "jaarbeeld:document": Case(READERS, kwargs=edition_2022),
    "jaarbeeld:pdf": Case(READERS, kwargs=edition_2022),
    "jaarbeeld:edit_thread": Case(EDITOR, kwargs=concept_part),
    "jaarbeeld:edit_block": Case(EDITOR, kwargs=concept_block),
    "jaarbeeld:dimension": Case(READERS, kwargs=lambda org: {"year": 2022, "code": "mentaal"}),
    "jaarbeeld-indicator-list": Case(API_READERS),
    "jaarbeeld-indicator-detail": Case(API_READERS, kwargs=lambda org: {"code": "verzuim-psychisch"}),
    "jaarbeeld-edition-list": Case(API_READERS),
    "jaarbeeld-edition-detail": Case(API_READERS, kwargs=edition_2022),
}

#: URL names of this app that a care-data role may open before passing the second factor.
TWO_FACTOR_EXEMPT: set[str] = set()
