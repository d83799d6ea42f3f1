"""Builders shared by the catalogue tests: the current edition, a concept copy of it, and the
editor form's POST data for a provision and its contact channels."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from catalogue import selectors, services
from catalogue.models import Edition, Provision

CONCEPT_CODE = "2023-2024"


def current_edition() -> Edition:
    """The published edition the loaded data makes current (2022/2023)."""
    edition = selectors.current_edition()
    assert edition is not None
    return edition


def concept_edition(actor: Any) -> Edition:
    """A concept 2023/2024 copied from the current edition by ``actor`` (the inhoudsbeheerder)."""
    return services.edition_create_from(
        actor=actor, source=current_edition(), code=CONCEPT_CODE, title="Zorgwijzer 2023/2024"
    )


def form_data(provision: Provision, **changes: Any) -> dict[str, Any]:
    """The editor form's POST data for a provision, with changes applied."""
    data: dict[str, Any] = {name: getattr(provision, name) for name in (*services.PROVISION_FIELDS,)}
    data["batteries"] = provision.batteries
    data["parent"] = provision.parent_id or ""
    data["themes"] = [t.pk for t in provision.themes.all()]
    data["audiences"] = [a.pk for a in provision.audiences.all()]
    data["related"] = [r.pk for r in provision.related.all()]
    data["actie"] = "opslaan"
    data.update(changes)
    return data


def channel_rows(*rows: dict[str, str]) -> dict[str, Any]:
    """The editor form's POST data for these contact channel rows (the ``kanaal`` formset)."""
    data: dict[str, Any] = {"kanaal-TOTAL_FORMS": str(len(rows)), "kanaal-INITIAL_FORMS": "0"}
    for number, row in enumerate(rows):
        data.update({f"kanaal-{number}-{name}": value for name, value in row.items()})
    return data


def edit_url(provision: Provision) -> str:
    return reverse("catalogue:editor_provision_edit", args=[provision.edition.code, provision.slug])
