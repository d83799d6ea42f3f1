"""``make bench``: a load test with locust — the real personas at once, on loopback, bounded in time.

The deployment is the logged-in bench's (bench/loggedin.py: production settings, gunicorn with
the same worker count, the realistic data set of 63,000 people with a year of aftercare, Barista
signals and two monitor waves; on SQLite a kept copy under ``var/bench/``), plus an open monitor
campaign with fresh invitation links for the respondents. ``locust`` runs headless from a
throw-away virtual environment (``var/bench/locust-venv``, made on demand; locust is not a
dependency of the project) against ``127.0.0.1`` only, for ``BENCH_LOAD_SECONDS`` (default 60),
with ``BENCH_LOAD_USERS`` simulated people (default 17) and no think time. The personas
(bench/locustfile.py), by weight:

* employees (8): the catalogue as a logged-in user, a self-test page and its score API, home;
* respondents (5): open an invitation link and submit the monitor questionnaire (40 items);
* managers (3): their team's aftercare plans (``/nazorg/mijn-team/``), the Barista invitations
  (``/barista/``), home; and a TCO coordinator (1) on the coordination board.

It prints, per request type, the throughput, the median and p95 latency and the errors, and per
persona the throughput — the numbers docs/operations.md uses for sizing. ``run(db_url)`` (``None``:
SQLite) returns the rows; ``python bench/load.py [--database-url URL]`` prints them. Exit status 1
when any request failed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

VAR = ROOT / "var" / "bench"
LOCUST_VENV = VAR / "locust-venv"
LOCUST_PACKAGE = "locust>=2.20,<3"
SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "60"))
USERS = int(os.environ.get("BENCH_LOAD_USERS", "17"))
WORKERS = 2
TOKENS = 30_000


class Row(NamedTuple):
    name: str  # "persona: request" or "persona" (the persona's total) or "total"
    requests: int
    failures: int
    rate: float  # requests per second
    median_ms: float
    p95_ms: float

    @property
    def ok(self) -> bool:
        """No failed request (bench/run.py sums up every optional bench's rows by ``ok``)."""
        return self.failures == 0


def locust_command() -> list[str]:
    """The locust command; its virtual environment is made (and locust installed) when absent."""
    locust = LOCUST_VENV / "bin" / "locust"
    marker = LOCUST_VENV / ".bench-installed"
    if not marker.exists():
        VAR.mkdir(parents=True, exist_ok=True)
        if not (LOCUST_VENV / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(LOCUST_VENV)], check=True)
        pip = [str(LOCUST_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run([*pip, LOCUST_PACKAGE], check=True)
        marker.write_text(LOCUST_PACKAGE)
    return [str(locust)]


# --- In the preparing process (Django set up against the bench database) --------------------


def _prepare(output: Path) -> None:
    """An open campaign with ``TOKENS`` fresh invitations in a team of the data set, the answers a
    respondent gives, and a score request body; written to ``output``. (The data set and the
    personas' sessions are made before, by bench/loggedin.py's preparing step.)"""

    from bench import run as bench
    from bench import selftests

    made: dict[str, Any] = {}

    def campaign() -> list[str]:
        from bench import monitor as bench_monitor
        from monitor.tests.factories import all_answers
        from organisation.models import OrgNode

        team = OrgNode.objects.filter(kind="team").order_by("pk").first()
        assert team is not None
        made["tokens"] = bench_monitor.open_campaign_with_invitations(team.pk, "Bench load", TOKENS, "l")
        made["answers"] = all_answers(3)
        return []

    bench.prepare_database(dict(os.environ), [], [campaign])
    from django.db import connections

    connections.close_all()
    made["score_body"] = selftests._SCORE_BODY.decode()
    output.write_text(json.dumps(made))


# --- In the calling process (no Django) ---------------------------------------------------------


def _rows(stats_csv: Path, seconds: float) -> list[Row]:
    """Locust's per-request rows, each persona's total and the grand total."""
    rows: list[Row] = []
    personas: dict[str, list[Row]] = {}
    with stats_csv.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            name = record["Name"]
            row = Row(
                name=name if name != "Aggregated" else "total",
                requests=int(record["Request Count"]),
                failures=int(record["Failure Count"]),
                rate=int(record["Request Count"]) / seconds,
                median_ms=float(record["Median Response Time"] or 0),
                p95_ms=float(record["95%"] if record["95%"] not in ("", "N/A") else 0),
            )
            if name == "Aggregated":
                total = row
                continue
            rows.append(row)
            personas.setdefault(name.split(":", 1)[0], []).append(row)
    rows.sort(key=lambda row: row.name)
    for persona, parts in sorted(personas.items()):
        requests = sum(part.requests for part in parts)
        rows.append(
            Row(
                persona,
                requests,
                sum(part.failures for part in parts),
                requests / seconds,
                max(part.median_ms for part in parts),
                max(part.p95_ms for part in parts),
            )
        )
    rows.append(total)
    return rows


def run(db_url: str | None = None, *, seconds: float = SECONDS, users: int = USERS) -> list[Row]:
    """Prepare the deployment, run locust against it for ``seconds``; ``db_url`` None means SQLite."""
    from bench import loggedin
    from bench import run as bench

    locust = locust_command()
    with tempfile.TemporaryDirectory(prefix="zorgwijzer-load-") as tmp:
        workdir = Path(tmp)
        env, cookies = loggedin.prepared_deployment(workdir, db_url)
        output = workdir / "load.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--prepare", str(output)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        data = json.loads(output.read_text())
        data["cookies"] = cookies
        output.write_text(json.dumps(data))
        with bench.gunicorn("zorgwijzer", "zorgwijzer.wsgi", env, WORKERS, workdir, "/healthz") as app:
            locust_env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "TMPDIR")}
            locust_env["BENCH_LOAD_DATA"] = str(output)
            result = subprocess.run(
                [
                    *locust,
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--only-summary",
                    "--host",
                    f"http://{bench.HOST}:{app.port}",
                    "--users",
                    str(users),
                    "--spawn-rate",
                    str(users),
                    "--run-time",
                    f"{int(seconds)}s",
                    "--stop-timeout",
                    "5",
                    "--csv",
                    str(workdir / "locust"),
                    "--loglevel",
                    "WARNING",
                ],
                cwd=workdir,
                env=locust_env,
                check=False,
                capture_output=True,
                text=True,
            )
            if not (workdir / "locust_stats.csv").exists():
                raise SystemExit(f"locust failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
            rows = _rows(workdir / "locust_stats.csv", seconds)
            if any(row.failures for row in rows):
                failures = (workdir / "locust_failures.csv").read_text()
                print(f"load test failures:\n{failures}\nserver log:\n{bench.tail(app.log)}", file=sys.stderr)
    return rows


def table(rows: list[Row], db_url: str | None = None, users: int = USERS) -> str:
    database = db_url.split(":", 1)[0] if db_url else "sqlite"
    width = max(len(row.name) for row in rows)
    lines = [
        f"load test (locust, {users} people, no think time, {database}, gunicorn -w {WORKERS})",
        f"{'request'.ljust(width)}  {'count':>7}  {'req/s':>7}  {'p50 ms':>7}  {'p95 ms':>7}  errors",
    ]
    lines += [
        f"{row.name.ljust(width)}  {row.requests:7d}  {row.rate:7.1f}  {row.median_ms:7.0f}  {row.p95_ms:7.0f}  "
        f"{row.failures}"
        for row in rows
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from bench.scenario import standalone_main

    def options(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--seconds", type=float, default=SECONDS)
        parser.add_argument("--users", type=int, default=USERS)

    def measure(parsed: argparse.Namespace) -> tuple[str, bool]:
        rows = run(parsed.database_url, seconds=parsed.seconds, users=parsed.users)
        return table(rows, parsed.database_url, parsed.users), not any(row.failures for row in rows)

    return standalone_main(
        argv,
        description="Load test with locust: the personas at once (issue 23 §1).",
        database_help="PostgreSQL URL (default: SQLite, kept in var/bench/)",
        prepare=_prepare,
        measure=measure,
        options=options,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
