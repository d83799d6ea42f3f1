"""PostgreSQL restarted under a running Zorgwijzer: a web server (gunicorn, one sync worker that
keeps its connection, as in production) and a task worker (``db_worker``).

The test starts its own PostgreSQL cluster under /tmp on port 55432 or the next free one (never
the shared server), restarts it while the processes run, and checks: a request in flight gets
the clean 503 page (no trace), its half-done write is gone, a page asked while the database is
down gets the same page, and the first request after the restart works again without
restarting the web server (CONN_HEALTH_CHECKS); a task whose transaction is cut off writes
nothing, is not run again by itself, and the hourly scan does its work exactly once.

Both processes are held at a chosen point of a real write (``mock.patch`` in the child, as in
tests/worker_kill.py) until the test has stopped the database. Needing no configured database,
the module runs once per CI, in the SQLite pass; it takes about 45 seconds.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from glob import glob
from http.cookiejar import Cookie, CookieJar
from pathlib import Path
from typing import Any

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_BINARIES = sorted(glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name))

#: The private server's port is the first free one from here (never the shared server's 5432).
FIRST_PORT = 55432
#: The web server's, likewise (a range no other live-server test uses).
FIRST_WEB_PORT = 8300

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PG_BINARIES, reason="no PostgreSQL server binaries in /usr/lib/postgresql/*/bin"),
    pytest.mark.skipif(shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None, reason="no gunicorn"),
    # The test brings its own server, so it needs no configured database: it runs in the SQLite
    # pass of CI and is skipped in the others, where it would only repeat itself.
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")),
        reason="brings its own PostgreSQL server; runs once per CI, in the pass without DATABASE_URL",
    ),
    pytest.mark.skipif(
        bool(os.environ.get("REDIS_URL")),
        reason="about the database task backend; runs once per CI, in the pass without REDIS_URL",
    ),
    pytest.mark.skipif(
        bool(os.environ.get("ZORGWIJZER_TEST_CLOCK_SHIFT_DAYS", "").strip()),
        reason="its child processes run on the real clock; runs once per CI, in the pass without a clock shift",
    ),
]


def _free_port(first: int = 0) -> int:
    """The first free port from ``first`` on (any free port for 0)."""
    for port in range(first, first + 100) if first else [0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise RuntimeError(f"no free port from {first}")


class PrivatePostgres:
    """A throw-away PostgreSQL cluster: trust authentication, loopback only, its own port."""

    def __init__(self) -> None:
        self.bin = Path(PG_BINARIES[-1])
        self.port = _free_port(FIRST_PORT)
        self.dir = Path(tempfile.mkdtemp(prefix="zw-faults-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        # initdb refuses to run as root: as root, the cluster belongs to the postgres user.
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.dir, account.pw_uid, account.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        for attempt in range(5):
            try:
                self.start()
                return
            except subprocess.CalledProcessError:
                if attempt == 4:
                    raise
                # Another test process took the port between the check and the start.
                self.port = _free_port(self.port + 1)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self) -> None:
        """A fast shutdown: every session is cut off and its open transaction rolled back."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def connect(self, name: str) -> psycopg.Connection[Any]:
        return psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=name, autocommit=True)

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def postgres() -> Iterator[PrivatePostgres]:
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        if os.geteuid() == 0:
            pytest.skip("running as root and there is no postgres user to run initdb as")
    server = PrivatePostgres()
    try:
        server.init()
        yield server
    finally:
        server.remove()


#: The schema straight from the models (as pytest-django's --no-migrations does): seconds instead
#: of the minute and a half that every migration with its content takes, and the restart does not
#: depend on how the tables came about. The tests create the few rows they need themselves.
_CREATE_SCHEMA = """
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
print("null")
"""


@pytest.fixture(scope="module")
def schema(postgres: PrivatePostgres) -> str:
    """The Zorgwijzer tables on the private server, in the database ``zw``."""
    with postgres.connect("postgres") as conn:
        conn.execute("CREATE DATABASE zw")
    _django(postgres.url("zw"), _CREATE_SCHEMA)
    return postgres.url("zw")


@pytest.fixture
def database(postgres: PrivatePostgres, schema: str) -> str:
    """The database with every table empty (much faster than a copy of a template database)."""
    with postgres.connect("zw") as conn:
        tables = [row[0] for row in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        conn.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in tables) + " RESTART IDENTITY CASCADE")
    return schema


def _env(database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DEBUG", "ZORGWIJZER_DEMO"}}
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "zorgwijzer.settings",
            "SECRET_KEY": "test-faults-restart-secret-key-0123456789abcdef",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_HTTPS": "0",
            "ZORGWIJZER_PLAIN_STATIC": "1",
            "DATABASE_CONN_MAX_AGE": "600",  # a kept connection, as in production: the restart breaks it
            **extra,
        }
    )
    return env


def _django(database_url: str, script: str) -> Any:
    """Run ``script`` in a fresh Django process on the private database; it prints JSON."""
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + script],
        cwd=ROOT,
        env=_env(database_url),
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


#: Holds the first call of the patched target (argv) until the test writes the ``go`` file.
_HOLD = """
import os, pkgutil, time
from pathlib import Path
from unittest import mock

def hold_first_call(target):
    original = pkgutil.resolve_name(target)
    held = []

    def holding(*args, **kwargs):
        if not held:
            held.append(True)
            folder = Path(os.environ["ZW_HOLD_DIR"])
            (folder / "holding").touch()
            deadline = time.monotonic() + 120
            while not (folder / "go").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return original(*args, **kwargs)

    mock.patch(target, holding).start()
"""


def _wait_for(path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} did not appear"
        time.sleep(0.05)


class Browser:
    """Just enough of a browser: cookies, CSRF token, no redirects followed."""

    def __init__(self, base: str, session_key: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self._cookie("sessionid", session_key)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def _cookie(self, name: str, value: str) -> None:
        self.jar.set_cookie(
            Cookie(
                0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}
            )
        )

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
        body = None
        if data is not None:
            token = next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token or ""}).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@pytest.fixture
def web(database: str, tmp_path: Path) -> Iterator[tuple[Browser, Path]]:
    """Gunicorn with one sync worker on the private database, holding the first audit write of a
    confidential request (after the request row, inside its transaction); and a logged-in employee."""
    session_key = _django(
        database,
        """
import json
from django.test import Client
from organisation.tests.factories import OrgNodeFactory, PersonFactory, UserFactory
user = UserFactory(username="faults-medewerker")
PersonFactory(user=user, team=OrgNodeFactory())
client = Client()
client.force_login(user)
print(json.dumps(client.cookies["sessionid"].value))
""",
    )
    config = tmp_path / "gunicorn_config.py"
    config.write_text(
        _HOLD + "\n\ndef post_worker_init(worker):\n    hold_first_call('confidential.services.log_change')\n"
    )
    port = _free_port(FIRST_WEB_PORT)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "zorgwijzer.wsgi",
            *("-b", f"127.0.0.1:{port}", "-w", "1", "--timeout", "120", "-c", str(config)),
        ],
        cwd=ROOT,
        env=_env(database, ZW_HOLD_DIR=str(tmp_path)),
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "server.log").open("w"),
    )
    try:
        browser = Browser(f"http://127.0.0.1:{port}", session_key)
        deadline = time.monotonic() + 60
        while True:
            try:
                browser.request("/healthz")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield browser, tmp_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


MCU = "/waar-kan-ik-terecht/verzoeken/mental-check-up/"


def _assert_clean_503(status: int, html: str, headers: dict[str, str]) -> None:
    assert status == 503, html[:2000]
    assert "Zorgwijzer is even niet bereikbaar" in html
    assert headers["Retry-After"] == "30"
    for marker in ("Traceback", "OperationalError", "psycopg", 'File "', "Internal Server Error"):
        assert marker not in html


def _counts(postgres: PrivatePostgres) -> dict[str, int]:
    with postgres.connect("zw") as conn:
        return {
            "requests": conn.execute("SELECT count(*) FROM confidential_request").fetchone()[0],  # type: ignore[index]
            "audit": conn.execute(
                "SELECT count(*) FROM core_auditevent WHERE object_type = 'confidential.request'"
            ).fetchone()[0],  # type: ignore[index]
            "tasks": conn.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult").fetchone()[0],  # type: ignore[index]
        }


def test_a_restart_during_requests_gives_a_clean_503_no_half_write_and_the_server_reconnects(
    postgres: PrivatePostgres, web: tuple[Browser, Path]
) -> None:
    browser, hold = web
    status, _, _ = browser.request(MCU)
    assert status == 200  # the worker now keeps an open connection
    before = _counts(postgres)

    def added() -> dict[str, int]:
        return {name: count - before[name] for name, count in _counts(postgres).items()}

    # A restart between two requests: the kept connection is dead; the next request notices
    # (CONN_HEALTH_CHECKS) and opens a new one, without a single failed request.
    postgres.restart()
    status, _, _ = browser.request(MCU)
    assert status == 200

    # A restart in the middle of a write: the request row is inserted, the audit row not yet.
    outcome: dict[str, Any] = {}
    posting = threading.Thread(
        target=lambda: outcome.update(response=browser.request(MCU, {"message": "Graag een gesprek."}))
    )
    posting.start()
    _wait_for(hold / "holding")
    postgres.stop()
    (hold / "go").touch()
    posting.join(timeout=60)
    _assert_clean_503(*outcome["response"])

    # While the database is down, every page gets the same clean page.
    _assert_clean_503(*browser.request(MCU))
    _assert_clean_503(*browser.request("/"))

    postgres.start()
    assert added() == {"requests": 0, "audit": 0, "tasks": 0}  # nothing of the cut-off write
    status, _, _ = browser.request(MCU)
    assert status == 200  # reconnected by itself
    status, _, headers = browser.request(MCU, {"message": "Graag een gesprek."})
    assert status == 302, headers
    # The retry stored the whole write once: the request, its audit event, its two deadline tasks.
    assert added() == {"requests": 1, "audit": 1, "tasks": 2}
    log = (hold / "server.log").read_text()
    assert '"message": "database unavailable (OperationalError' in log


_HOLDING_WORKER = (
    _HOLD
    + """
import django
django.setup()
from django.core.management import call_command
hold_first_call("confidential.deadlines.transaction.on_commit")
call_command("db_worker", "--no-reload", "--no-startup-delay", "--max-tasks", "1", verbosity=0)
"""
)


def test_a_restart_during_a_task_loses_nothing_and_runs_nothing_twice(
    postgres: PrivatePostgres, database: str, tmp_path: Path
) -> None:
    request_id = _django(
        database,
        """
import json
from datetime import timedelta
from django.utils import timezone
from confidential import tasks
from confidential.constants import NoticeKind
from confidential.models import Request
from organisation.constants import Role
from organisation.tests.factories import OrgNodeFactory, PersonFactory, RoleAssignmentFactory, UserFactory
person = PersonFactory(team=OrgNodeFactory())
psychologist = UserFactory(username="faults-psycholoog")
PersonFactory(user=psychologist, team=person.team, email="psycholoog@example.org")
RoleAssignmentFactory(user=psychologist, role=Role.EENHEIDSPSYCHOLOOG, unit=person.team.unit)
request = Request.objects.create(
    kind="mcu", person=person, unit=person.team.unit, due_at=timezone.now() - timedelta(minutes=5)
)
tasks.request_deadline.enqueue(request.pk, NoticeKind.ESCALATION.value)
print(json.dumps(request.pk))
""",
    )
    worker = subprocess.Popen(
        [sys.executable, "-c", _HOLDING_WORKER],
        cwd=ROOT,
        env=_env(database, ZW_HOLD_DIR=str(tmp_path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(tmp_path / "holding")  # inside the task's transaction, the notice row written
        postgres.restart()
        (tmp_path / "go").touch()
        _, errors = worker.communicate(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()

    def notices() -> int:
        with postgres.connect("zw") as conn:
            row = conn.execute("SELECT count(*) FROM confidential_requestnotice WHERE request_id = %s", [request_id])
            return int(row.fetchone()[0])  # type: ignore[index]

    def task_states() -> list[tuple[str, str]]:
        with postgres.connect("zw") as conn:
            rows = conn.execute(
                "SELECT task_path, status FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s"
                " ORDER BY enqueued_at",
                ["confidential.%"],
            )
            return [(path.rsplit(".", 1)[-1], status) for path, status in rows]

    assert notices() == 0, errors  # the cut-off transaction wrote nothing
    # The worker recorded the failure once the database was back, and does not retry by itself.
    assert task_states() == [("request_deadline", "FAILED")], errors

    # The hourly safety net (twice, as after a second restart) sends the escalation exactly once.
    _django(
        database,
        """
import json
from django.core.management import call_command
from confidential import tasks
from core.schedule import Every, RecurringJob, enqueue_due
def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
run_worker()
enqueue_due(jobs=[RecurringJob("confidential.scan_deadlines", tasks.scan_deadlines, Every.HOUR, minute=0)])
run_worker()
tasks.scan_deadlines.enqueue()
run_worker()
print(json.dumps(None))
""",
    )
    assert notices() == 1
    assert task_states()[0] == ("request_deadline", "FAILED")  # never run a second time
    assert {state for _, state in task_states()[1:]} == {"SUCCESSFUL"}
