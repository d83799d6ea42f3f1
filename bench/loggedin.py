"""``make bench`` measurements of the pages logged-in users open most (issue 23 §1), on the
realistic data set (bench/realistic.py: 63,000 people, a year of aftercare, Barista signals, two
monitor waves).

Call ``run(db_url)`` (``None``: SQLite) from the bench: it builds a throw-away deployment with
the same production settings, gunicorn servers and load generator as bench/run.py (imported, not
copied), measures the bare view and then every page below, and returns one ``Row`` per page.
``python bench/loggedin.py`` does the same and prints the table.

Each page is requested as its persona, logged in once (a real session row, with the verified
second factor that care-data roles need, as after a TOTP check): the session cookie goes with
every request, so the whole stack runs as in production — the session and its security checks,
the role lookups, the page's queries and, on pages that list people's records, the audit rows of
those reads. The personas (``realistic.personas``):

* an employee with a running aftercare plan and Barista exposures: the home page, their own
  aftercare, their Barista overview, their complaints and the catalogue (500 provisions; no
  whole-page cache for a logged-in user);
* the manager of a busy team in a Barista unit: the home page, the team's aftercare plans and
  the Barista invitations;
* a peer supporter: their cases;
* the TCO coordinator of that unit: the coordination board (every running plan of the unit by its
  next deadline, the page a coordinator opens first every day).

Target for each: ratio ≥ 0.3 against the bare view of the same run.

Next to the bare view the bench measures the *logged-in floor* per persona: ``/bench/floor/``
(bench/floor_urls.py, served with the site's own settings and middleware by a third gunicorn on
the same database) answers "ok" to a logged-in user and does nothing else. Its rate is what any
logged-in page could reach at most with this security stack (session row, user, session rules,
second factor, roles); each page is printed against it too ("of floor"), so the table shows how
much of a page's cost is the page's own work.

Generating the data takes minutes; on SQLite the generated database is kept under
``var/bench/`` keyed by a hash of the generators' source, so a second run copies it and starts
measuring at once. On PostgreSQL the data stays in the given database (each generator step
finds its rows and returns).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET = 0.3
CACHE_DIR = ROOT / "var" / "bench"
#: The sources whose output the cached SQLite database holds.
GENERATORS = ("bench/realistic.py", "bench/barista.py", "bench/monitor.py")


class Row(NamedTuple):
    name: str
    rate: float  # requests per second
    ratio: float  # against the bare view of the same run
    target: float | None  # None: printed for information
    ok: bool  # ratio ≥ target and every response as expected
    #: Against the logged-in floor of the same persona (bench/floor_urls.py): what share of the
    #: rate an empty logged-in answer reaches the page keeps. None for the floor rows themselves.
    of_floor: float | None = None


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    persona: str
    prepare: Callable[[], None] | None = None


def _catalogue() -> None:
    """The catalogue at the size of the anonymous scenario (500 provisions)."""
    from bench import run

    run.catalogue_with_500_provisions()


PAGES = [
    Page("home / (employee)", "/", "employee"),
    Page("/nazorg/ own aftercare (employee)", "/nazorg/", "employee"),
    Page("/barista/mijn-signalen/ (employee)", "/barista/mijn-signalen/", "employee"),
    Page("/klachten/mijn/ (employee)", "/klachten/mijn/", "employee"),
    Page("catalogue /zorgwijzer/ 500 provisions (employee)", "/zorgwijzer/", "employee", _catalogue),
    Page("home / (manager)", "/", "manager"),
    Page("/nazorg/mijn-team/ (manager)", "/nazorg/mijn-team/", "manager"),
    Page("/barista/ invitations (manager)", "/barista/", "manager"),
    Page("/nazorg/mijn-ondersteuning/ (supporter)", "/nazorg/mijn-ondersteuning/", "supporter"),
    Page("/nazorg/coordinatie/ (coordinator)", "/nazorg/coordinatie/", "coordinator"),
]


# --- In the preparing process (Django set up against the bench database) --------------------


def _sessions() -> dict[str, str]:
    """A logged-in session per persona; the cookie header of each."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from access import requires_two_factor
    from bench import realistic

    personas = realistic.personas()
    cookies = {}
    for name, user_id in vars(personas).items():
        user = get_user_model().objects.get(pk=user_id)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        if requires_two_factor(user):
            # As after a passed TOTP check (accounts.views, conftest.verified_login): the confirmed
            # device's id in the session.
            device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        value = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies[name] = f"{settings.SESSION_COOKIE_NAME}={value}"
    return cookies


def _prepare(output: Path) -> None:
    """Migrate, make the data set, the catalogue and the sessions; write the cookies to ``output``.

    Runs in its own process (``python bench/loggedin.py --prepare FILE``) with the deployment's
    environment, so the sessions are signed with the servers' SECRET_KEY and the caller's Django,
    if it has one, is not touched."""
    import os

    from bench import run

    env = dict(os.environ)

    def realistic_data() -> list[str]:
        from bench import realistic

        return realistic.generate() or ["realistic data: present in this bench database"]

    run.prepare_database(env, [], [realistic_data])
    for page in PAGES:
        if page.prepare:
            page.prepare()
    cookies = _sessions()
    from django.db import connections

    connections.close_all()
    output.write_text(json.dumps(cookies))


# --- In the calling process (no Django) ---------------------------------------------------------


def _cache_file() -> Path:
    digest = hashlib.sha256()
    for name in GENERATORS:
        digest.update((ROOT / name).read_bytes())
    return CACHE_DIR / f"loggedin-{digest.hexdigest()[:16]}.sqlite3"


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy (SQLite's online backup: the WAL is folded in)."""
    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _prepare_in_subprocess(env: dict[str, str], workdir: Path) -> dict[str, str]:
    output = workdir / "cookies.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--prepare", str(output)]
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode:
        raise SystemExit(f"preparing the logged-in bench failed with exit code {result.returncode}")
    cookies: dict[str, str] = json.loads(output.read_text())
    return cookies


def prepared_deployment(workdir: Path, db_url: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """The bench environment in ``workdir`` with the realistic data and a logged-in session per
    persona: on ``db_url``, or on SQLite from the cached file (made and kept on the first run).
    Returns the environment for the servers and each persona's Cookie header."""
    from bench import run as bench

    env = bench.bench_environment(workdir)
    cache = None
    if db_url:
        env["DATABASE_URL"] = db_url
    else:
        database = workdir / "bench.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{database}"
        cache = _cache_file()
        if cache.exists():
            _copy_sqlite(cache, database)
    cookies = _prepare_in_subprocess(env, workdir)
    if cache is not None and not cache.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for stale in CACHE_DIR.glob("loggedin-*.sqlite3"):
            stale.unlink()
        _copy_sqlite(workdir / "bench.sqlite3", cache)
    return env, cookies


def run(
    db_url: str | None = None,
    *,
    duration: float = 5.0,
    warmup: float = 1.0,
    workers: int = 2,
    client_processes: int = 2,
    connections: int = 4,
    only: str = "",
) -> list[Row]:
    """Measure the logged-in pages against the bare view; ``db_url`` None means SQLite (cached)."""
    from bench import run as bench
    from bench.scenario import Scenario

    pages = [page for page in PAGES if only in page.label]
    load = (duration, client_processes, connections)
    with tempfile.TemporaryDirectory(prefix="zorgwijzer-loggedin-") as tmp:
        workdir = Path(tmp)
        env, cookies = prepared_deployment(workdir, db_url)
        bare_env = {key: value for key, value in env.items() if key != "DJANGO_SETTINGS_MODULE"}
        rows = []
        floor_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.floor_settings"}
        with (
            bench.gunicorn("zorgwijzer", "zorgwijzer.wsgi", env, workers, workdir, "/healthz") as app,
            bench.gunicorn("bare", "bench.bare_wsgi:application", bare_env, workers, workdir, "/") as bare,
            bench.gunicorn("floor", "zorgwijzer.wsgi", floor_env, workers, workdir, "/healthz") as floor_server,
        ):
            bare_view = Scenario("bare view", "/")
            bench.measure(bare.port, bare_view, warmup, 1, connections)
            baseline = bench.measure(bare.port, bare_view, *load)
            floors = {}
            for persona in dict.fromkeys(page.persona for page in pages):
                scenario = Scenario(f"floor ({persona})", "/bench/floor/", headers={"Cookie": cookies[persona]})
                bench.measure(floor_server.port, scenario, warmup, 1, connections)
                floors[persona] = bench.measure(floor_server.port, scenario, *load)
                ratio = floors[persona].rate / baseline.rate if baseline.rate else 0.0
                rows.append(
                    Row(f"logged-in floor ({persona})", floors[persona].rate, ratio, None, not floors[persona].errors)
                )
            for page in pages:
                scenario = Scenario(page.label, page.path, headers={"Cookie": cookies[page.persona]})
                bench.measure(app.port, scenario, warmup, 1, connections)
                result = bench.measure(app.port, scenario, *load)
                ratio = result.rate / baseline.rate if baseline.rate else 0.0
                floor_rate = floors[page.persona].rate
                of_floor = result.rate / floor_rate if floor_rate else 0.0
                ok = ratio >= TARGET and result.errors == 0 and baseline.errors == 0
                rows.append(Row(f"loggedin {page.label}", result.rate, ratio, TARGET, ok, of_floor))
                if result.errors:
                    print(f"{page.label}: {result.errors} unexpected responses; server log:\n{bench.tail(app.log)}")
        rows.append(Row("bare view", baseline.rate, 1.0, None, baseline.errors == 0))
    return rows


def table(rows: list[Row], db_url: str | None = None) -> str:
    """The rows as a table, headed by the database they were measured on."""
    width = max(len(row.name) for row in rows)
    database = "PostgreSQL" if db_url and db_url.startswith("postgres") else "SQLite"
    lines = [
        f"logged-in pages on {database} (ratio: against the bare view; of floor: against the logged-in floor)",
        f"{'page'.ljust(width)}  {'req/s':>8}  ratio  target  of floor  ok",
    ]
    for row in rows:
        target = f"{row.target:6.2f}" if row.target is not None else " " * 6
        of_floor = f"{row.of_floor:8.2f}" if row.of_floor is not None else " " * 8
        verdict = ("yes" if row.ok else "NO") if row.target is not None else ("" if row.ok else "errors")
        lines.append(f"{row.name.ljust(width)}  {row.rate:8.1f}  {row.ratio:5.2f}  {target}  {of_floor}  {verdict}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from bench.scenario import standalone_main

    def options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--duration", type=float, default=5.0)
        parser.add_argument("--only", default="", help="only pages whose label contains this text")

    def measure(parsed: argparse.Namespace) -> tuple[str, bool]:
        rows = run(parsed.database_url, duration=parsed.duration, only=parsed.only)
        return table(rows, parsed.database_url), all(row.ok for row in rows)

    return standalone_main(
        argv,
        description="Logged-in hot pages against the bare view (issue 23 §1).",
        database_help="PostgreSQL URL (default: SQLite, cached in var/bench/)",
        prepare=_prepare,
        measure=measure,
        options=options,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
