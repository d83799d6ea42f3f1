"""Production settings: Django's deployment checklist passes, and a missing SECRET_KEY stops start-up."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
#: Variables that pytest-env or a developer shell set and production does not; DJANGO_ALLOW_ASYNC_UNSAFE
#: (set for the Playwright tests) would itself fail the deployment check (async.E001).
_DEV_ONLY_VARIABLES = {"DEBUG", "SECRET_KEY", "ZORGWIJZER_PLAIN_STATIC", "SECURE_HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _DEV_ONLY_VARIABLES}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return {**env, "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings", **extra}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_deploy_check_reports_no_issues_with_production_settings(tmp_path: Path) -> None:
    # The settings are under test, not the content of whatever database DATABASE_URL names (a
    # bench or a demo may have filled it): an empty database of its own (the catalogue's check of
    # the published Loket number has its own tests).
    env = production_env(
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="zorgwijzer.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


@pytest.mark.slow
def test_settings_refuse_to_load_without_secret_key_when_debug_is_off() -> None:
    result = manage("check", env=production_env(ALLOWED_HOSTS="zorgwijzer.example.nl"))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("configured", "kept"), [(None, "60"), ("0", "0"), ("300", "300")])
def test_sqlite_connections_are_kept_open_like_postgresqls(tmp_path: Path, configured: str | None, kept: str) -> None:
    # A new SQLite connection reads the whole schema before its first query (about 7 ms a request
    # with this schema): the web server keeps one per worker for DATABASE_CONN_MAX_AGE seconds.
    extra = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "SECRET_KEY": secrets.token_urlsafe(64)}
    env = production_env(ALLOWED_HOSTS="zorgwijzer.example.nl", **extra)
    env.pop("DATABASE_CONN_MAX_AGE", None)
    if configured is not None:
        env["DATABASE_CONN_MAX_AGE"] = configured
    code = "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])"

    result = manage("shell", "-c", code, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == kept
