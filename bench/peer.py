"""``make bench``: the monitor next to a peer survey app, django-survey-and-report, in the same run.

The peer is installed into a throw-away virtual environment (``var/bench/peer-venv``, made on
demand: ``pip install django-survey-and-report gunicorn psycopg[binary]``) and gets a minimal Django
project of its own (``var/bench/peer-project``, written by this module) with production-like
settings: DEBUG off, sessions, CSRF, database sessions, the same database engine as ours. Its
survey has 40 radio questions with the choices 1–5, published to anonymous respondents on one
page (the peer's fastest layout), and ``PEER_RESPONSES`` answered responses loaded up front.

Both apps run under gunicorn with the same worker count on loopback and are loaded by the same
clients (``CLIENT_PROCESSES`` × ``CONNECTIONS`` = 8 concurrent, keep-alive HTTP/1.1), each for
``BENCH_PEER_SECONDS`` (default 10):

* **submission**: a respondent posts a complete answer set — ours to ``/monitor/vragenlijst/<token>/``
  with a distinct invitation token per submission, the peer to ``/survey/<id>/``; both with a valid
  CSRF token, both answered with a redirect (302). Throughput in submissions per second.
* **results**: ours is the dashboard ``/monitor/`` of an HR analyst over the closed bench campaign
  (63,000 respondents, bench/monitor.py), read from the frozen results; the peer's only results
  view is ``/survey/csv/<id>/`` (``serve_result_csv``: every response as a CSV row, cached as a file
  until a newer answer comes in), measured with the survey quiet, after a first request made the
  file. Time per request, median and p95. See /tmp/decisions → docs/decisions.md for why this pair.

Targets: our submission throughput ≥ 2× the peer's, our results time ≤ 0.5× the peer's.

``run(db_url)`` (``None``: SQLite in a temporary directory) returns the rows; ``python
bench/peer.py [--database-url URL]`` prints them. With PostgreSQL the peer gets its own database
next to the given one (``<name>_peer``, dropped and made anew each run).
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VAR = ROOT / "var" / "bench"
PEER_VENV = VAR / "peer-venv"
PEER_PROJECT = VAR / "peer-project"
PEER_PACKAGES = ("django-survey-and-report==1.5.0", "gunicorn", "psycopg[binary]")
ITEMS = 40
POINTS = 5
PEER_RESPONSES = int(os.environ.get("BENCH_PEER_RESPONSES", "10000"))
SECONDS = float(os.environ.get("BENCH_PEER_SECONDS", "10"))
WORKERS = 2
CLIENT_PROCESSES = 2
CONNECTIONS = 4
TOKENS = 40_000  # more than ours can take in the measured time
HOST = "127.0.0.1"
SUBMISSION_TARGET = 2.0  # ours ÷ peer, at least
RESULTS_TARGET = 0.5  # ours ÷ peer, at most


class Row(NamedTuple):
    name: str
    ours: float
    peer: float
    ratio: float  # ours ÷ peer
    target: str
    ok: bool


# --- The peer's project (runs inside the peer's virtual environment) ------------------------

PEER_SETTINGS = '''"""Minimal production-like settings for django-survey-and-report (made by bench/peer.py)."""
import os
from urllib.parse import urlsplit

SECRET_KEY = os.environ["PEER_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "peer_urls"
WSGI_APPLICATION = "peer_wsgi.application"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "survey",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
_url = urlsplit(os.environ["PEER_DATABASE_URL"])
if _url.scheme == "sqlite":
    # The same SQLite options as Zorgwijzer's (WAL, IMMEDIATE transactions, a 20 s busy timeout).
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _url.path,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": _url.path.lstrip("/"),
            "USER": _url.username or "",
            "PASSWORD": _url.password or "",
            "HOST": _url.hostname or "",
            "PORT": _url.port or "",
            "CONN_MAX_AGE": 60,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
STATIC_URL = "/static/"
USE_TZ = True
LANGUAGE_CODE = "en"
CSV_DIRECTORY = os.environ["PEER_CSV_DIRECTORY"]
TEX_DIRECTORY = os.environ["PEER_CSV_DIRECTORY"]
LOGIN_URL = "/login/"
'''

PEER_URLS = """from django.urls import include, path

urlpatterns = [path("survey/", include("survey.urls"))]
"""

PEER_WSGI = """import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_settings")
application = get_wsgi_application()
"""

PEER_LOAD = '''"""Migrate and load the peer's survey: 40 radio questions 1-5 and N answered responses."""
import datetime as dt
import json
import os
import random
import sys
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_settings")
django.setup()
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from survey.models import Answer, Question, Response, Survey

call_command("migrate", "--noinput", "-v0")
items, responses = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(8)
with transaction.atomic():
    survey = Survey.objects.create(
        name="Bench", description="Bench survey", is_published=True, need_logged_user=False,
        editable_answers=True, display_method=Survey.ALL_IN_ONE_PAGE,
        expire_date=timezone.localdate() + dt.timedelta(days=365),
    )
    questions = [
        Question.objects.create(
            survey=survey, text=f"Item {n}", order=n, required=True, type=Question.RADIO, choices="1,2,3,4,5"
        )
        for n in range(items)
    ]
    made = Response.objects.bulk_create(
        Response(survey=survey, interview_uuid=uuid.uuid4().hex) for _ in range(responses)
    )
    Answer.objects.bulk_create(
        (Answer(question=q, response=r, body=str(rng.randint(1, 5))) for r in made for q in questions), batch_size=5000
    )
print(json.dumps({"survey": survey.pk, "questions": [q.pk for q in questions]}))
'''


def peer_python() -> Path:
    """The peer's interpreter; its virtual environment is made (and the packages installed) when absent."""
    python = PEER_VENV / "bin" / "python"
    marker = PEER_VENV / ".bench-installed"
    if not marker.exists():
        VAR.mkdir(parents=True, exist_ok=True)
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *PEER_PACKAGES]
        subprocess.run(pip, check=True)
        marker.write_text(" ".join(PEER_PACKAGES))
    PEER_PROJECT.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("peer_settings.py", PEER_SETTINGS),
        ("peer_urls.py", PEER_URLS),
        ("peer_wsgi.py", PEER_WSGI),
        ("peer_load.py", PEER_LOAD),
    ):
        (PEER_PROJECT / name).write_text(text)
    return python


def _peer_database(db_url: str | None, workdir: Path) -> str:
    """The peer's own database: a SQLite file, or ``<name>_peer`` on the same PostgreSQL server."""
    if not db_url:
        return f"sqlite:///{workdir / 'peer.sqlite3'}"
    import psycopg

    parts = urlsplit(db_url)
    name = parts.path.lstrip("/") + "_peer"
    with psycopg.connect(db_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(scheme="postgresql", path=f"/{name}"))


def _peer_environment(peer_url: str, workdir: Path) -> dict[str, str]:
    import secrets

    csv_dir = workdir / "peer-csv"
    csv_dir.mkdir(exist_ok=True)
    keep = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "TMPDIR")}
    return {
        **keep,
        "PYTHONPATH": str(PEER_PROJECT),
        "DJANGO_SETTINGS_MODULE": "peer_settings",
        "PEER_SECRET_KEY": secrets.token_urlsafe(50),
        "PEER_DATABASE_URL": peer_url,
        "PEER_CSV_DIRECTORY": str(csv_dir),
        "PYTHONUNBUFFERED": "1",
    }


# --- Our side, prepared in a subprocess with the deployment's settings ------------------------


def _prepare_ours(output: Path) -> None:
    """Migrate, make the closed 63,000-respondent campaign, an open campaign with ``TOKENS`` fresh
    invitations, and the HR analyst's session; write what the clients need to ``output``."""

    from bench import monitor
    from bench import run as bench

    made: dict[str, Any] = {}

    def ours() -> list[str]:
        from monitor import questionnaire
        from monitor.tests.factories import all_answers
        from organisation.models import OrgNode

        closed = monitor._bench_campaign()
        keep = os.environ.get("BENCH_PEER_KEEP", "")
        if keep and not Path(keep).exists():
            # The slow part (63,000 responses) done: keep a copy for the next SQLite run.
            from bench import loggedin

            database = os.environ["DATABASE_URL"].removeprefix("sqlite:///")
            Path(keep).parent.mkdir(parents=True, exist_ok=True)
            loggedin._copy_sqlite(Path(database), Path(keep))
        made["dashboard_cookie"] = monitor._dashboard_login()["Cookie"]
        definition = questionnaire.load()
        assert sum(len(scale.items) for scale in definition.scales) == ITEMS
        team = OrgNode.objects.filter(kind="team", code__startswith="BM0-").order_by("pk").first()
        assert team is not None
        made["tokens"] = monitor.open_campaign_with_invitations(team.pk, "Bench peer", TOKENS, "p")
        made["answers"] = all_answers(3)
        made["closed"] = closed
        return []

    bench.prepare_database(dict(os.environ), [], [ours])
    from django.db import connections

    connections.close_all()
    output.write_text(json.dumps(made))


# --- The clients -------------------------------------------------------------------------------

_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _Request(NamedTuple):
    method: str
    path: str
    body: bytes
    headers: dict[str, str]
    expect: int


def _csrf(port: int, path: str) -> tuple[str, str]:
    """The CSRF cookie and form field of a form page (one browser's, reused for its posts)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    page = response.read().decode()
    cookie = next(
        part.split(";", 1)[0]
        for name, part in response.getheaders()
        if name.lower() == "set-cookie" and part.startswith("csrftoken=")
    )
    found = _CSRF_FIELD.search(page)
    assert found, f"no CSRF field on {path} (status {response.status})"
    connection.close()
    return cookie, found.group(1)


def _client(port: int, requests: list[_Request], until: float, out: list[Any]) -> None:
    connection = http.client.HTTPConnection(HOST, port, timeout=900)
    done = errors = 0
    latencies: list[float] = []
    unexpected: dict[int, int] = {}
    for request in requests:
        if time.monotonic() >= until:
            break
        started = time.perf_counter()
        try:
            connection.request(request.method, request.path, body=request.body or None, headers=request.headers)
            response = connection.getresponse()
            response.read()
            ok = response.status == request.expect
            if not ok:
                unexpected[response.status] = unexpected.get(response.status, 0) + 1
        except (OSError, http.client.HTTPException):
            connection.close()
            ok = False
            unexpected[0] = unexpected.get(0, 0) + 1
        latencies.append((time.perf_counter() - started) * 1000)
        done += ok
        errors += not ok
    out.append((done, errors, latencies, unexpected))
    connection.close()


def _client_process(
    port: int, batches: list[list[_Request]], seconds: float
) -> tuple[int, int, list[float], dict[int, int]]:
    until = time.monotonic() + seconds
    out: list[Any] = []
    threads = [threading.Thread(target=_client, args=(port, batch, until, out)) for batch in batches]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spent = time.perf_counter() - started
    statuses: dict[int, int] = {}
    for part in out:
        for status, count in part[3].items():
            statuses[status] = statuses.get(status, 0) + count
    return (
        sum(part[0] for part in out),
        sum(part[1] for part in out),
        [ms for part in out for ms in part[2]] + [spent * 1000],  # the last entry: wall time
        statuses,
    )


class Load(NamedTuple):
    done: int
    errors: int
    seconds: float
    latencies: list[float]
    unexpected: dict[int, int]  # status (0: no answer) → count

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def _load(port: int, streams: list[list[_Request]], seconds: float) -> Load:
    """Each stream is one client connection; ``CLIENT_PROCESSES`` processes share them out."""
    per_process = [streams[i::CLIENT_PROCESSES] for i in range(CLIENT_PROCESSES)]
    with multiprocessing.get_context("spawn").Pool(CLIENT_PROCESSES) as pool:
        parts = pool.starmap(_client_process, [(port, batches, seconds) for batches in per_process])
    wall = max(part[2][-1] for part in parts) / 1000
    return Load(
        done=sum(part[0] for part in parts),
        errors=sum(part[1] for part in parts),
        seconds=wall,
        latencies=[ms for part in parts for ms in part[2][:-1]],
        unexpected={status: sum(part[3].get(status, 0) for part in parts) for part in parts for status in part[3]},
    )


def _form(fields: dict[str, str], csrf: tuple[str, str]) -> tuple[bytes, dict[str, str]]:
    cookie, field = csrf
    body = urlencode({**fields, "csrfmiddlewaretoken": field}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie, "Connection": "keep-alive"}
    return body, headers


def _our_submissions(port: int, made: dict[str, Any], seconds: float) -> Load:
    streams_count = CLIENT_PROCESSES * CONNECTIONS
    tokens: list[str] = made["tokens"]
    csrf = _csrf(port, f"/monitor/vragenlijst/{tokens[0]}/")
    body, headers = _form({**made["answers"], "actie": "versturen"}, csrf)
    streams = [
        [_Request("POST", f"/monitor/vragenlijst/{token}/", body, headers, 302) for token in tokens[i::streams_count]]
        for i in range(streams_count)
    ]
    return _load(port, streams, seconds)


def _peer_submissions(port: int, peer: dict[str, Any], seconds: float) -> Load:
    streams_count = CLIENT_PROCESSES * CONNECTIONS
    path = f"/survey/{peer['survey']}/"
    body, headers = _form({f"question_{pk}": "3" for pk in peer["questions"]}, _csrf(port, path))
    stream = [_Request("POST", path, body, headers, 302)] * 100_000
    return _load(port, [stream] * streams_count, seconds)


def _reads(port: int, path: str, cookie: str, seconds: float) -> Load:
    headers = {"Connection": "keep-alive", **({"Cookie": cookie} if cookie else {})}
    stream = [_Request("GET", path, b"", headers, 200)] * 1_000_000
    clients = CLIENT_PROCESSES * CONNECTIONS
    # First one request alone (it makes what later ones reuse: the peer's CSV file, our frozen
    # results), then a few from every client, so that every server process has them too.
    _load(port, [stream[:1]], 900.0)
    _load(port, [stream[:3]] * clients, 900.0)
    return _load(port, [stream] * clients, seconds)


# --- The run -------------------------------------------------------------------------------------


def _start(name: str, command: list[str], cwd: Path, env: dict[str, str], workdir: Path, probe: str) -> Any:
    from bench import run as bench

    port = bench.free_port()
    log = workdir / f"{name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            # A long worker timeout for both: the peer's first CSV after new answers takes minutes.
            [*command, "-b", f"{HOST}:{port}", "-w", str(WORKERS), "--timeout", "900"],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = bench.Server(name, port, process, log)
    bench.wait_until_ready(server, probe)
    return server


def _copy_cached_sqlite(database: Path) -> Path:
    """Start from a kept SQLite database with the 63,000-respondent campaign when there is one (the
    logged-in bench's, which holds it too, or this bench's own); return where to keep a new one."""
    import hashlib

    from bench import loggedin

    own = VAR / f"peer-{hashlib.sha256((ROOT / 'bench' / 'monitor.py').read_bytes()).hexdigest()[:16]}.sqlite3"
    for source in (loggedin._cache_file(), own):
        if source.exists():
            loggedin._copy_sqlite(source, database)
            break
    for stale in VAR.glob("peer-*.sqlite3"):
        if stale != own:
            stale.unlink()
    return own


def run(db_url: str | None = None, *, seconds: float = SECONDS) -> list[Row]:
    """Install and load the peer, prepare ours, measure both; ``db_url`` None means SQLite."""
    from bench import run as bench

    python = peer_python()
    with tempfile.TemporaryDirectory(prefix="zorgwijzer-peer-") as tmp:
        workdir = Path(tmp)
        env = bench.bench_environment(workdir)
        if db_url:
            env["DATABASE_URL"] = db_url
        else:
            env["BENCH_PEER_KEEP"] = str(_copy_cached_sqlite(workdir / "bench.sqlite3"))
            env["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
        output = workdir / "ours.json"
        prepare = [sys.executable, str(Path(__file__).resolve()), "--prepare", str(output)]
        subprocess.run(prepare, cwd=ROOT, env=env, check=True)
        made = json.loads(output.read_text())
        peer_env = _peer_environment(_peer_database(db_url, workdir), workdir)
        loaded = subprocess.run(
            [str(python), "peer_load.py", str(ITEMS), str(PEER_RESPONSES)],
            cwd=PEER_PROJECT,
            env=peer_env,
            check=True,
            capture_output=True,
            text=True,
        )
        peer = json.loads(loaded.stdout.strip().splitlines()[-1])
        servers = []
        try:
            ours_server = _start(
                "zorgwijzer", [sys.executable, "-m", "gunicorn", "zorgwijzer.wsgi"], ROOT, env, workdir, "/healthz"
            )
            servers.append(ours_server)
            peer_server = _start(
                "peer", [str(python), "-m", "gunicorn", "peer_wsgi"], PEER_PROJECT, peer_env, workdir, "/survey/"
            )
            servers.append(peer_server)
            ours_in = _our_submissions(ours_server.port, made, seconds)
            peer_in = _peer_submissions(peer_server.port, peer, seconds)
            ours_out = _reads(ours_server.port, "/monitor/", made["dashboard_cookie"], seconds)
            peer_out = _reads(peer_server.port, f"/survey/csv/{peer['survey']}/", "", seconds)
        finally:
            for server in servers:
                bench.stop(server.process)
        for name, load in (
            ("ours submission", ours_in),
            ("peer submission", peer_in),
            ("ours results", ours_out),
            ("peer results", peer_out),
        ):
            if load.errors:
                print(f"{name}: unexpected responses (status: count) {load.unexpected}", file=sys.stderr)
        clean = not any(load.errors for load in (ours_in, peer_in, ours_out, peer_out))
        submission = ours_in.rate / peer_in.rate if peer_in.rate else 0.0
        median = ours_out.percentile(0.5) / peer_out.percentile(0.5) if peer_out.latencies else 0.0
        p95 = ours_out.percentile(0.95) / peer_out.percentile(0.95) if peer_out.latencies else 0.0
        return [
            Row("peer submission (per s)", ours_in.rate, peer_in.rate, submission, "≥ 2", clean and submission >= 2),
            Row(
                "peer results p50 (ms)",
                ours_out.percentile(0.5),
                peer_out.percentile(0.5),
                median,
                "≤ 0.5",
                clean and median <= 0.5,
            ),
            Row(
                "peer results p95 (ms)",
                ours_out.percentile(0.95),
                peer_out.percentile(0.95),
                p95,
                "≤ 0.5",
                clean and p95 <= 0.5,
            ),
        ]


def table(rows: list[Row], db_url: str | None = None) -> str:
    database = urlsplit(db_url).scheme if db_url else "sqlite"
    lines = [
        f"monitor vs django-survey-and-report ({database}; {ITEMS} items 1-5; peer preloaded with "
        f"{PEER_RESPONSES} responses, ours 63,000; {CLIENT_PROCESSES}x{CONNECTIONS} clients, gunicorn -w {WORKERS})",
        f"{'measure':28}  {'ours':>9}  {'peer':>9}  {'ratio':>6}  target  ok",
    ]
    lines += [
        f"{row.name:28}  {row.ours:9.1f}  {row.peer:9.1f}  {row.ratio:6.2f}  {row.target:6}  "
        + ("yes" if row.ok else "NO")
        for row in rows
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from bench.scenario import standalone_main

    def options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--seconds", type=float, default=SECONDS)

    def measure(parsed: argparse.Namespace) -> tuple[str, bool]:
        rows = run(parsed.database_url, seconds=parsed.seconds)
        return table(rows, parsed.database_url), all(row.ok for row in rows)

    return standalone_main(
        argv,
        description="The monitor next to django-survey-and-report (issue 23 §1).",
        database_help="PostgreSQL URL (default: SQLite in a temporary file)",
        prepare=_prepare_ours,
        measure=measure,
        options=options,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
