"""The content that data migrations load (units, catalogue, event types, cards, …).

A transactional test (browser tests, worker tests) ends with a flush that empties every table,
data-migration content included. With several test processes (pytest-xdist) any test can come
after one, so the root conftest loads this content again before the next database test when it
is missing; each loader is idempotent. The crawl loads it explicitly (tests/browser/test_crawl.py).
"""

from __future__ import annotations

import importlib

from django.apps import apps as django_apps

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
