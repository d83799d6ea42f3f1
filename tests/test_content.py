"""The content that data migrations load is written back after a flush from the rows the loaders
wrote once (tests/content.py): the same rows, ids included, and new rows still get fresh ids."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from complaints.models import Category
from tests import content

pytestmark = pytest.mark.django_db(transaction=True)


def _flush() -> None:
    call_command("flush", interactive=False, verbosity=0)  # resets the id sequences too
    assert content.missing()


def test_a_restore_writes_back_exactly_the_rows_the_loaders_wrote() -> None:
    _flush()
    content.load()
    by_loaders = content.snapshot()
    assert {table.model._meta.label for table in by_loaders} >= {
        "organisation.Unit",
        "catalogue.Provision",
        "catalogue.Provision_themes",  # many-to-many rows too
        "complaints.Category",
    }

    _flush()
    content.restore(by_loaders)

    assert content.snapshot() == by_loaders
    content.load()  # the loaders find everything in place and write nothing
    assert content.snapshot() == by_loaders


def test_after_a_restore_a_new_row_gets_an_id_of_its_own() -> None:
    _flush()
    content.load()
    kept = content.snapshot()
    _flush()
    content.restore(kept)
    highest = Category.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert highest is not None
    created = Category.objects.create(name="Nieuwe categorie")
    assert created.pk > highest
