"""The content that data migrations load (units, catalogue, event types, cards, …).

A transactional test (browser tests, worker tests) ends with a flush that empties every table,
data-migration content included. With several test processes (pytest-xdist) any test can come
after one, so the root conftest loads this content again before the next database test when it
is missing; each loader is idempotent. The crawl loads it explicitly (tests/browser/test_crawl.py).

The loaders go through the ORM row by row (2–3 s on PostgreSQL, before every transactional test).
``ensure()`` runs them once per test process and keeps what they wrote (``snapshot``); after the
next flush it writes those rows back with one INSERT per table (``restore``), ids included.
``tests/test_content.py`` checks that a restore gives the same rows as the loaders.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from django.apps import apps as django_apps
from django.core.management.color import no_style
from django.db import connection, models, transaction

#: Data migrations, in order.
DATA_MIGRATIONS = [
    ("organisation.migrations.0002_units", "create_units"),
    ("catalogue.migrations.0002_zorgwijzer_2022_2023", "load"),
    ("catalogue.migrations.0006_contact_channels_2022_2023", "load"),
    ("catalogue.migrations.0007_selftest_channels", "load"),
    ("catalogue.migrations.0008_corrected_edition_2022_2023", "publish"),
    ("healththemes.migrations.0002_content", "load"),
    ("healththemes.migrations.0004_english_for_the_first_content", "load"),
    ("healththemes.migrations.0005_more_content", "load"),
    ("figures.migrations.0002_section_2", "load_section_2"),
    ("aftercare.migrations.0002_load_event_types_and_template", "load"),
    ("aftercare.migrations.0005_postvention_prikpunt_gtpa_templates", "load"),
    ("barista.migrations.0002_types_rules_backfill", "forwards"),
    ("barista.migrations.0005_scope_and_several_events", "drop_single_event_rule"),
    ("complaints.migrations.0002_load_categories", "load"),
    ("integrity.migrations.0002_dilemma_cards_2022", "load"),
    ("jaarbeeld.migrations.0002_edition_2022", "load"),
    ("agenda.migrations.0003_sociale_agenda_2023_2027", "load"),
    ("recognition.migrations.0002_first_edition", "load"),
]


def load() -> None:
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(django_apps, None)


def missing() -> bool:
    """Whether a flush emptied the content (the units come first and are always there after migrate)."""
    from organisation.models import Unit

    return not Unit.objects.exists()


#: The apps whose tables the loaders fill.
CONTENT_APPS = tuple(dict.fromkeys(module.split(".")[0] for module, _ in DATA_MIGRATIONS))


@dataclass(frozen=True)
class Table:
    model: type[models.Model]
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    #: Positions of the JSON columns.
    json: tuple[int, ...] = ()


_snapshot: tuple[Table, ...] | None = None


def _content_models() -> list[type[models.Model]]:
    return [
        model
        for label in CONTENT_APPS
        for model in django_apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def snapshot() -> tuple[Table, ...]:
    """Every row of the content apps' tables, as the database gives it (one SELECT per table)."""
    tables = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in _content_models():
            fields = model._meta.local_concrete_fields
            columns = tuple(str(field.column) for field in fields)
            cursor.execute(
                # Table and column names from the model registry, quoted: no outside input.
                f"SELECT {', '.join(map(quote, columns))} FROM {quote(model._meta.db_table)} "  # noqa: S608
                f"ORDER BY {quote(str(model._meta.pk.column))}"
            )
            rows = tuple(tuple(row) for row in cursor.fetchall())
            if rows:
                json = tuple(index for index, field in enumerate(fields) if isinstance(field, models.JSONField))
                tables.append(Table(model, columns, rows, json))
    return tuple(tables)


def restore(tables: tuple[Table, ...]) -> None:
    """Write the rows of a snapshot into the emptied tables, in one transaction (the foreign keys
    are checked at its end), and move the id sequences past them."""
    quote = connection.ops.quote_name
    # Django reads PostgreSQL's JSON as text (decoded by the field): written back as JSON.
    json = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            marks = ", ".join(json if index in table.json else "%s" for index in range(len(table.columns)))
            cursor.executemany(
                f"INSERT INTO {quote(table.model._meta.db_table)} ({', '.join(map(quote, table.columns))}) "  # noqa: S608
                f"VALUES ({marks})",
                table.rows,
            )
        for statement in connection.ops.sequence_reset_sql(no_style(), [table.model for table in tables]):
            cursor.execute(statement)


def ensure() -> None:
    """The content, after a flush emptied it: the loaders the first time in this process (their
    rows are kept), the kept rows after that."""
    global _snapshot
    if not missing():
        return
    if _snapshot is None:
        load()
        _snapshot = snapshot()
    else:
        restore(_snapshot)
