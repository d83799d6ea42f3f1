"""Fixtures of the complaints tests: documents in a temporary folder, the category list, a worker run."""

from __future__ import annotations

import importlib
from datetime import datetime
from pathlib import Path
from typing import Any
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def run_worker() -> None:
    """What `manage.py db_worker --batch` does, inside the test's transaction (see core tests)."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture(autouse=True)
def document_root(settings: Any, tmp_path: Path) -> Path:
    """Complaint documents of a test go to its own temporary folder."""
    root = tmp_path / "klachten"
    settings.COMPLAINTS_DOCUMENT_ROOT = root
    return root


@pytest.fixture
def complaint_lists(db: None) -> None:
    """Transactional tests flush the database, data migrations included: load the categories again."""
    from django.apps import apps

    importlib.import_module("complaints.migrations.0002_load_categories").load(apps, None)
