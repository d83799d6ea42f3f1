"""The project's own wiring: every app's tests are collected by a plain ``pytest`` run."""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_every_project_app_with_tests_is_in_the_pytest_testpaths() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    testpaths = set(config["tool"]["pytest"]["ini_options"]["testpaths"])
    project_apps = {
        config_.name
        for config_ in apps.get_app_configs()
        if Path(config_.path).parent == ROOT and "." not in config_.name
    }
    with_tests = {name for name in project_apps if (ROOT / name / "tests").is_dir()}
    missing = with_tests - testpaths
    assert not missing, f"add these apps to testpaths in pyproject.toml: {sorted(missing)}"
